#!/usr/bin/env python3
"""Writes a single-platform OCI image layout from gzip'd layer tarballs.

Usage: make-layout.py OUT_DIR TAG ARCH LAYER.tar.gz [LAYER.tar.gz …]
The diff_ids are computed by decompressing each layer; blobs are moved in.
"""
import gzip, hashlib, json, os, shutil, sys

out, tag, arch, layers = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
blobs = os.path.join(out, "blobs", "sha256")
os.makedirs(blobs, exist_ok=True)


def digest_of(stream):
    h = hashlib.sha256()
    for chunk in iter(lambda: stream.read(1 << 20), b""):
        h.update(chunk)
    return h.hexdigest()


def put(data):
    d = hashlib.sha256(data).hexdigest()
    with open(os.path.join(blobs, d), "wb") as f:
        f.write(data)
    return "sha256:" + d


descriptors, diff_ids = [], []
for layer in layers:
    with gzip.open(layer, "rb") as f:
        diff_ids.append("sha256:" + digest_of(f))
    with open(layer, "rb") as f:
        d = digest_of(f)
    size = os.path.getsize(layer)
    shutil.move(layer, os.path.join(blobs, d))
    descriptors.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "sha256:" + d, "size": size})
config = json.dumps({"architecture": arch, "os": "linux", "rootfs": {"type": "layers", "diff_ids": diff_ids}}).encode()
manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                       "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": put(config), "size": len(config)},
                       "layers": descriptors}).encode()
index = {"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": put(manifest),
                                             "size": len(manifest), "annotations": {"org.opencontainers.image.ref.name": tag}}]}
with open(os.path.join(out, "index.json"), "w") as f:
    json.dump(index, f)
with open(os.path.join(out, "oci-layout"), "w") as f:
    f.write('{"imageLayoutVersion":"1.0.0"}')
