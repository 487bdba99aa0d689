#!/usr/bin/env python3
"""Independent reference matcher for the scan tests: which PyPI advisories of an
OSV JSONL file affect the packages installed in a site-packages folder, computed
with `packaging` (PEP 440) and `importlib.metadata`, following the OSV schema's
evaluation rules (events sorted by version, introduced "0" lowest, fixed excluded,
last_affected included, explicit versions). Prints "ID NAME VERSION" lines.
Usage: osv-reference-match.py OSV.jsonl SITE_PACKAGES
"""
import json, re, sys
from importlib.metadata import distributions
from packaging.version import Version, InvalidVersion


def norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


installed = {}
for dist in distributions(path=[sys.argv[2]]):
    installed[norm(dist.metadata["Name"])] = dist.version


def parse(v):
    try:
        return Version(v)
    except InvalidVersion:
        return None


def affected_by_range(version, events):
    keyed = []
    for e in events:
        (kind, value), = e.items()
        if kind == "introduced" and value == "0":
            keyed.append((0, None, kind))
            continue
        parsed = parse(value)
        if parsed is None:
            return None
        keyed.append((1, parsed, kind))
    keyed.sort(key=lambda k: (k[0], k[1]) if k[1] is not None else (k[0],))
    vulnerable = False
    for _, value, kind in keyed:
        if kind == "introduced" and (value is None or version >= value):
            vulnerable = True
        elif kind == "fixed" and version >= value:
            vulnerable = False
        elif kind == "last_affected" and version > value:
            vulnerable = False
        elif kind == "limit" and version >= value:
            return False
    return vulnerable


for line in open(sys.argv[1]):
    record = json.loads(line)
    if record.get("withdrawn"):
        continue
    for affected in record.get("affected", []):
        package = affected.get("package") or {}
        if package.get("ecosystem") != "PyPI":
            continue
        name = norm(package["name"])
        if name not in installed:
            continue
        text = installed[name]
        version = parse(text)
        hit = text in affected.get("versions", [])
        if version is not None:
            for r in affected.get("ranges", []):
                if r["type"] in ("ECOSYSTEM", "SEMVER") and affected_by_range(version, r["events"]):
                    hit = True
        if hit:
            print(record["id"], name, text)
            break
