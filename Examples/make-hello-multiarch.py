#!/usr/bin/env python3
"""Builds Examples/hello-multiarch: a small two-platform OCI image layout.

Real gzip'd layer tarballs are made here with Python's tarfile and gzip,
deterministically (mtime 0, uid/gid 0), so running this again gives the same
digests. The index carries BuildKit-style attestation manifests: linux/amd64
has SLSA provenance and an SPDX SBOM, linux/arm64/v8 has provenance only, the
runbook's "multi-arch manifest shows only one attestation" case that
`hallmark inspect` flags.

Usage: python3 Examples/make-hello-multiarch.py [OUTPUT_DIR]
"""
import gzip
import hashlib
import io
import json
import os
import shutil
import sys
import tarfile

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "hello-multiarch")
CREATED = "2023-11-14T22:13:20Z"
NAME = "docker.io/hallmark/hello-multiarch"


def canonical(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":")).encode()


def put_blob(data):
    digest = hashlib.sha256(data).hexdigest()
    with open(os.path.join(OUT, "blobs", "sha256", digest), "wb") as f:
        f.write(data)
    return "sha256:" + digest


def layer(files):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path, content, mode in files:
            if content is None:
                info = tarfile.TarInfo(path)
                info.type = tarfile.DIRTYPE
                info.mode = mode
                tar.addfile(info)
                continue
            info = tarfile.TarInfo(path)
            info.size = len(content)
            info.mode = mode
            tar.addfile(info, io.BytesIO(content))
    tar_bytes = raw.getvalue()
    packed = io.BytesIO()
    with gzip.GzipFile(fileobj=packed, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(tar_bytes)
    return tar_bytes, packed.getvalue()


def image(arch, variant):
    os_release = (
        'PRETTY_NAME="Hallmark example"\nNAME="hello"\nID=hallmark-example\nVERSION_ID="1"\n'
    ).encode()
    hello = f"hello from linux/{arch}\n".encode()
    tar_bytes, gz_bytes = layer([
        ("etc", None, 0o755),
        ("etc/os-release", os_release, 0o644),
        ("hello.txt", hello, 0o644),
    ])
    layer_digest = put_blob(gz_bytes)
    config = {
        "architecture": arch,
        "os": "linux",
        "created": CREATED,
        "config": {"Cmd": ["/bin/cat", "/hello.txt"]},
        "rootfs": {"type": "layers", "diff_ids": ["sha256:" + hashlib.sha256(tar_bytes).hexdigest()]},
        "history": [{"created": CREATED, "created_by": "COPY hello.txt /"}],
    }
    if variant:
        config["variant"] = variant
    config_bytes = canonical(config)
    manifest = {
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": put_blob(config_bytes), "size": len(config_bytes)},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": layer_digest, "size": len(gz_bytes)}],
    }
    manifest_bytes = canonical(manifest)
    platform = {"architecture": arch, "os": "linux"}
    if variant:
        platform["variant"] = variant
    return {
        "mediaType": manifest["mediaType"], "digest": put_blob(manifest_bytes),
        "size": len(manifest_bytes), "platform": platform,
    }


def statement(predicate_type, subject, predicate):
    plat = subject["platform"]
    plat_name = "/".join([plat["os"], plat["architecture"]] + ([plat["variant"]] if "variant" in plat else []))
    return canonical({
        "_type": "https://in-toto.io/Statement/v0.1",
        "predicateType": predicate_type,
        "subject": [{"name": f"pkg:docker/hallmark/hello-multiarch@latest?platform={plat_name.replace('/', '%2F')}",
                     "digest": {"sha256": subject["digest"].split(":", 1)[1]}}],
        "predicate": predicate,
    })


def provenance(subject):
    return statement("https://slsa.dev/provenance/v0.2", subject, {
        "builder": {"id": "https://github.com/hallmark-example/hello/actions/runs/1"},
        "buildType": "https://mobyproject.org/buildkit@v1",
        "invocation": {"configSource": {"entryPoint": "Dockerfile"}, "parameters": {"frontend": "dockerfile.v0"}},
        "metadata": {"buildStartedOn": CREATED, "buildFinishedOn": CREATED, "reproducible": True,
                     "completeness": {"parameters": True, "environment": True, "materials": False}},
        "materials": [],
    })


def sbom(subject):
    arch = subject["platform"]["architecture"]
    return statement("https://spdx.dev/Document", subject, {
        "spdxVersion": "SPDX-2.3",
        "dataLicense": "CC0-1.0",
        "SPDXID": "SPDXRef-DOCUMENT",
        "name": f"hello-multiarch-linux-{arch}",
        "documentNamespace": f"https://hallmark.example/spdx/hello-multiarch-{arch}",
        "creationInfo": {"created": CREATED, "creators": ["Tool: make-hello-multiarch.py"]},
        "packages": [{
            "SPDXID": "SPDXRef-Package-hello", "name": "hello", "versionInfo": "1",
            "downloadLocation": "NOASSERTION", "filesAnalyzed": False,
            "licenseConcluded": "NOASSERTION", "licenseDeclared": "NOASSERTION", "copyrightText": "NOASSERTION",
        }],
        "relationships": [{"spdxElementId": "SPDXRef-DOCUMENT", "relationshipType": "DESCRIBES",
                           "relatedSpdxElement": "SPDXRef-Package-hello"}],
    })


def attestation_manifest(subject, statements):
    empty = canonical({"architecture": "unknown", "os": "unknown", "config": {}, "rootfs": {"type": "layers", "diff_ids": []}})
    layers = []
    for predicate_type, data in statements:
        layers.append({
            "mediaType": "application/vnd.in-toto+json", "digest": put_blob(data), "size": len(data),
            "annotations": {"in-toto.io/predicate-type": predicate_type},
        })
    manifest = {
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": put_blob(empty), "size": len(empty)},
        "layers": layers,
    }
    data = canonical(manifest)
    return {
        "mediaType": manifest["mediaType"], "digest": put_blob(data), "size": len(data),
        "platform": {"architecture": "unknown", "os": "unknown"},
        "annotations": {"vnd.docker.reference.digest": subject["digest"], "vnd.docker.reference.type": "attestation-manifest"},
    }


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(os.path.join(OUT, "blobs", "sha256"))
    amd64 = image("amd64", None)
    arm64 = image("arm64", "v8")
    att_amd64 = attestation_manifest(amd64, [
        ("https://slsa.dev/provenance/v0.2", provenance(amd64)),
        ("https://spdx.dev/Document", sbom(amd64)),
    ])
    att_arm64 = attestation_manifest(arm64, [("https://slsa.dev/provenance/v0.2", provenance(arm64))])
    index = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
             "manifests": [amd64, arm64, att_amd64, att_arm64]}
    index_bytes = canonical(index)
    layout_index = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": [{
        "mediaType": index["mediaType"], "digest": put_blob(index_bytes), "size": len(index_bytes),
        "annotations": {"org.opencontainers.image.ref.name": "latest"},
    }]}
    with open(os.path.join(OUT, "index.json"), "wb") as f:
        f.write(canonical(layout_index))
    with open(os.path.join(OUT, "oci-layout"), "wb") as f:
        f.write(canonical({"imageLayoutVersion": "1.0.0"}))
    print(layout_index["manifests"][0]["digest"])


if __name__ == "__main__":
    main()
