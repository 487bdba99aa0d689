#!/usr/bin/env python3
"""Writes a two-layer OCI image layout for the SBOM whiteout test.

Layer 1 installs three Python distributions (METADATA in the real core-metadata
format), a dpkg status with two packages, their dpkg file lists and files (bash's
list names /bin/bash, reached through the merged-/usr link bin -> usr/bin); layer 2
deletes one distribution and zlib's library with whiteout files and replaces the
dpkg database directory with an opaque whiteout holding a status and list of bash only.
Usage: make-whiteout-image.py OUT_DIR
"""
import gzip, hashlib, io, json, os, sys, tarfile

out = sys.argv[1]
blobs = os.path.join(out, "blobs", "sha256")
os.makedirs(blobs)
SITE = "usr/lib/python3/dist-packages"


def metadata(name, version):
    return f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nSummary: test\nLicense: MIT\n\n".encode()


def status(*packages):
    return "\n".join(
        f"Package: {p}\nStatus: install ok installed\nArchitecture: amd64\nVersion: {v}\nMaintainer: x <x@example.org>\nDescription: {p}\n"
        for p, v in packages).encode()


def layer(entries):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path, content in entries:
            info = tarfile.TarInfo(path)
            if isinstance(content, str):
                info.type, info.linkname = tarfile.SYMTYPE, content
                tar.addfile(info)
                continue
            info.size = len(content)
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(content))
    data = raw.getvalue()
    packed = io.BytesIO()
    with gzip.GzipFile(fileobj=packed, mode="wb", mtime=0) as gz:
        gz.write(data)
    return data, packed.getvalue()


def put(data):
    d = hashlib.sha256(data).hexdigest()
    open(os.path.join(blobs, d), "wb").write(data)
    return "sha256:" + d


BASH = b"#!/bin/sh\necho not really bash\n"
BASH_LIST = b"/.\n/bin\n/bin/bash\n"
os_release = b'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n'
layers = [
    layer([
        ("etc/os-release", os_release),
        (f"{SITE}/requests-2.25.1.dist-info/METADATA", metadata("requests", "2.25.1")),
        (f"{SITE}/idna-2.10.dist-info/METADATA", metadata("idna", "2.10")),
        (f"{SITE}/urllib3-1.26.4.dist-info/METADATA", metadata("urllib3", "1.26.4")),
        ("var/lib/dpkg/status", status(("zlib1g", "1:1.2.13.dfsg-1"), ("bash", "5.2.15-2+b2"))),
        ("bin", "usr/bin"),
        ("usr/bin/bash", BASH),
        ("usr/lib/libz.so.1", b"zlib library\n"),
        ("var/lib/dpkg/info/bash.list", BASH_LIST),
        ("var/lib/dpkg/info/zlib1g:amd64.list", b"/.\n/usr\n/usr/lib\n/usr/lib/libz.so.1\n"),
    ]),
    layer([
        (f"{SITE}/.wh.idna-2.10.dist-info", b""),
        ("var/lib/dpkg/.wh..wh..opq", b""),
        ("usr/lib/.wh.libz.so.1", b""),
        ("var/lib/dpkg/status", status(("bash", "5.2.15-2+b2"))),
        ("var/lib/dpkg/info/bash.list", BASH_LIST),
    ]),
]
descriptors, diff_ids = [], []
for tar_bytes, gz_bytes in layers:
    diff_ids.append("sha256:" + hashlib.sha256(tar_bytes).hexdigest())
    descriptors.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": put(gz_bytes), "size": len(gz_bytes)})
config = json.dumps({"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers", "diff_ids": diff_ids}}).encode()
manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                       "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": put(config), "size": len(config)},
                       "layers": descriptors}).encode()
index = {"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": put(manifest),
                                             "size": len(manifest), "annotations": {"org.opencontainers.image.ref.name": "v1"}}]}
json.dump(index, open(os.path.join(out, "index.json"), "w"))
open(os.path.join(out, "oci-layout"), "w").write('{"imageLayoutVersion":"1.0.0"}')
