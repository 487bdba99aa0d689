#!/usr/bin/env python3
"""Writes a large, valid SPDX 2.3 JSON document shaped like Syft's image SBOMs
with file metadata: a root image package (filesAnalyzed, verification code) that
CONTAINS every package and file, packages with PURLs and optional fields
(checksums, sourceInfo, comment, description, annotations), files with SHA1 and
SHA256, top-level annotations and externalDocumentRefs.

Usage: generate-spdx.py OUT --packages N --files M [--purls PURLS_OUT] [--relationships-first]
Default sizes (3,000 packages, 300,000 files) give ~127 MB.
"""
import argparse
import hashlib
import json

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("--packages", type=int, default=3000)
parser.add_argument("--files", type=int, default=300000)
parser.add_argument("--purls")
parser.add_argument("--relationships-first", action="store_true")
parser.add_argument("--indent", type=int, default=None, help="pretty-print with this indent (default: one line)")
args = parser.parse_args()

ecosystems = ["npm", "pypi", "deb", "golang", "maven"]
annotation = {"annotationDate": "2026-11-23T00:00:00Z", "annotationType": "OTHER",
              "annotator": "Tool: generator", "comment": "generated for trim tests"}
sha1s = [hashlib.sha1(b"file-%d" % i).hexdigest() for i in range(args.files)]
code = hashlib.sha1("".join(sorted(sha1s)).encode()).hexdigest()
root = {"SPDXID": "SPDXRef-DocumentRoot-Image-example", "name": "registry.example/app:1.0",
        "versionInfo": "sha256:" + "ab" * 32, "downloadLocation": "NOASSERTION", "filesAnalyzed": True,
        "packageVerificationCode": {"packageVerificationCodeValue": code},
        "licenseConcluded": "NOASSERTION", "licenseDeclared": "NOASSERTION", "copyrightText": "NOASSERTION",
        "primaryPackagePurpose": "CONTAINER"}
packages = [root]
purls = []
for i in range(args.packages):
    eco = ecosystems[i % len(ecosystems)]
    purl = "pkg:%s/%spackage-%d@1.%d.0" % (eco, "example/" if eco in ("golang", "maven") else "", i, i % 17)
    purls.append(purl)
    packages.append({
        "SPDXID": "SPDXRef-Package-%d" % i, "name": "package-%d" % i, "versionInfo": "1.%d.0" % (i % 17),
        "downloadLocation": "NOASSERTION", "filesAnalyzed": False,
        "licenseConcluded": "NOASSERTION", "licenseDeclared": "MIT" if i % 2 else "Apache-2.0",
        "copyrightText": "NOASSERTION",
        "checksums": [{"algorithm": "SHA256", "checksumValue": hashlib.sha256(purl.encode()).hexdigest()}],
        "sourceInfo": "acquired package info from the generator: /usr/lib/package-%d" % i,
        "comment": "package comment %d" % i, "description": "A generated package number %d." % i,
        "summary": "package %d" % i, "attributionTexts": ["Copyright generator"],
        "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": purl}],
        "annotations": [annotation],
    })
files = [{"SPDXID": "SPDXRef-File-%d" % i, "fileName": "./usr/lib/app/module-%d/file-%d.py" % (i // 100, i),
          "checksums": [{"algorithm": "SHA1", "checksumValue": sha1s[i]},
                        {"algorithm": "SHA256", "checksumValue": hashlib.sha256(b"file-%d" % i).hexdigest()}],
          "licenseConcluded": "NOASSERTION", "copyrightText": "NOASSERTION",
          "comment": "layerID: sha256:" + "cd" * 32} for i in range(args.files)]
relationships = [{"spdxElementId": "SPDXRef-DOCUMENT", "relatedSpdxElement": root["SPDXID"], "relationshipType": "DESCRIBES"}]
relationships += [{"spdxElementId": root["SPDXID"], "relatedSpdxElement": p["SPDXID"], "relationshipType": "CONTAINS"} for p in packages[1:]]
relationships += [{"spdxElementId": root["SPDXID"], "relatedSpdxElement": f["SPDXID"], "relationshipType": "CONTAINS"} for f in files]
doc = {"spdxVersion": "SPDX-2.3", "dataLicense": "CC0-1.0", "SPDXID": "SPDXRef-DOCUMENT", "name": "registry.example/app:1.0",
       "documentNamespace": "https://example.com/spdx/app-0001",
       "creationInfo": {"created": "2026-11-23T00:00:00Z", "creators": ["Tool: generator-1.0"]},
       "externalDocumentRefs": [{"externalDocumentId": "DocumentRef-base", "spdxDocument": "https://example.com/spdx/base-0001",
                                 "checksum": {"algorithm": "SHA1", "checksumValue": "0" * 40}}],
       "annotations": [annotation]}
if args.relationships_first:
    doc["relationships"] = relationships
doc["packages"] = packages
if files:
    doc["files"] = files
if not args.relationships_first:
    doc["relationships"] = relationships
with open(args.out, "w") as out:
    json.dump(doc, out, indent=args.indent)
if args.purls:
    with open(args.purls, "w") as out:
        out.write("\n".join(purls) + "\n")
