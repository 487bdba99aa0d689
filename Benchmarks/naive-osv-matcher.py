#!/usr/bin/env python3
"""Baseline for Benchmarks/scan.sh: a naive matcher in Python over the same OSV
files: load every record, index by (ecosystem, name), then for each component of a
CycloneDX SBOM evaluate ranges with packaging's Version (parseable versions only).
Prints the number of findings.
Usage: naive-osv-matcher.py OSV_DIR SBOM
"""
import json, os, re, sys
from packaging.version import Version, InvalidVersion

index = {}
for name in os.listdir(sys.argv[1]):
    if not name.endswith(".jsonl"):
        continue
    for line in open(os.path.join(sys.argv[1], name)):
        record = json.loads(line)
        for affected in record.get("affected", []):
            package = affected.get("package") or {}
            key = (package.get("ecosystem", "").split(":")[0], package.get("name", "").lower())
            index.setdefault(key, []).append((record, affected))

ecosystems = {"pypi": "PyPI", "golang": "Go", "cargo": "crates.io", "deb": "Debian"}


def parse(v):
    try:
        return Version(v.lstrip("v"))
    except InvalidVersion:
        return None


findings = 0
for component in json.load(open(sys.argv[2]))["components"]:
    kind = re.match(r"pkg:([^/]+)/", component["purl"]).group(1)
    version = parse(component["version"])
    for record, affected in index.get((ecosystems[kind], component["name"].lower()), []):
        hit = component["version"] in affected.get("versions", [])
        for r in affected.get("ranges", []):
            if version is None or r["type"] == "GIT":
                continue
            vulnerable = False
            for event in r["events"]:
                (k, v), = event.items()
                parsed = parse(v) if v != "0" else None
                if k == "introduced" and (parsed is None or version >= parsed):
                    vulnerable = True
                elif k == "fixed" and parsed is not None and version >= parsed:
                    vulnerable = False
            hit = hit or vulnerable
        findings += hit
print(findings)
