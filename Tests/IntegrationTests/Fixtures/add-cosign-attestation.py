#!/usr/bin/env python3
"""Stores a DSSE envelope the way `cosign attest` does, in an OCI image layout.

cosign keeps attestations of manifest sha256:HEX under the tag `sha256-HEX.att`:
an image manifest whose layers are DSSE envelopes (media type
application/vnd.dsse.envelope.v1+json) annotated with their `predicateType`.
Usage: add-cosign-attestation.py LAYOUT SUBJECT_DIGEST ENVELOPE_JSON PREDICATE_TYPE
"""
import hashlib, json, os, sys

layout, subject, envelope_path, predicate_type = sys.argv[1:5]
blobs = os.path.join(layout, "blobs", "sha256")


def put(data):
    digest = hashlib.sha256(data).hexdigest()
    with open(os.path.join(blobs, digest), "wb") as f:
        f.write(data)
    return {"digest": "sha256:" + digest, "size": len(data)}


envelope = open(envelope_path, "rb").read()
config = json.dumps({"architecture": "", "os": "", "rootfs": {"type": "layers", "diff_ids": []}, "config": {}}).encode()
manifest = {
    "schemaVersion": 2,
    "mediaType": "application/vnd.oci.image.manifest.v1+json",
    "config": {"mediaType": "application/vnd.oci.image.config.v1+json", **put(config)},
    "layers": [{"mediaType": "application/vnd.dsse.envelope.v1+json", **put(envelope),
                "annotations": {"predicateType": predicate_type}}],
}
stored = put(json.dumps(manifest).encode())
index_path = os.path.join(layout, "index.json")
index = json.load(open(index_path))
tag = subject.replace(":", "-") + ".att"
index["manifests"].append({"mediaType": "application/vnd.oci.image.manifest.v1+json", **stored,
                           "annotations": {"org.opencontainers.image.ref.name": tag}})
json.dump(index, open(index_path, "w"))
