#!/usr/bin/env python3
"""Writes a CycloneDX 1.6 SBOM of COUNT components for Benchmarks/scan.sh, drawn
from packages the shared OSV data names (PyPI, Go, crates.io, Debian 11 source
packages), each at a version inside or outside the advisories' ranges, so the scan
does real range evaluation. Deterministic.
Usage: make-scan-sbom.py OSV_DIR COUNT OUT
"""
import json, os, sys

osv, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sources = [("osv-pypi.jsonl", "pypi", None), ("osv-go.jsonl", "golang", None), ("osv-crates.jsonl", "cargo", None),
           ("osv-debian-dsa.jsonl", "deb", "debian-11")]
pools = {}
for name, kind, distro in sources:
    seen = {}
    for line in open(os.path.join(osv, name)):
        record = json.loads(line)
        for affected in record.get("affected", []):
            package = affected.get("package") or {}
            if distro and package.get("ecosystem") != "Debian:11":
                continue
            for r in affected.get("ranges", []):
                for event in r.get("events", []):
                    if "fixed" in event and package.get("name") not in seen:
                        seen[package["name"]] = event["fixed"]
    pools[kind] = (sorted(seen.items()), distro)

components = []
index = 0
while len(components) < count:
    for kind, (items, distro) in pools.items():
        if index < len(items) and len(components) < count:
            name, fixed = items[index]
            version = fixed if index % 2 else {"pypi": "0.1", "golang": "v0.0.1", "cargo": "0.0.1", "deb": "0.1-1"}[kind]
            if kind == "golang" and not version.startswith("v"):
                version = "v" + version
            namespace, short = (name.rsplit("/", 1) if kind == "golang" and "/" in name else (None, name))
            purl = f"pkg:{kind}/" + (f"{namespace}/" if namespace else "") + f"{short}@{version}"
            if kind == "deb":
                purl = f"pkg:deb/debian/{name}@{version}?arch=amd64&distro={distro}"
            components.append({"type": "library", "bom-ref": f"c{len(components)}", "name": name, "version": version, "purl": purl})
    index += 1
bom = {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "components": components}
json.dump(bom, open(out, "w"))
