import OCIModel
import Testing

@Suite("MediaType")
struct MediaTypeTests {
    @Test("media type names are the registered strings", arguments: [
        (MediaType.ociManifest, "application/vnd.oci.image.manifest.v1+json"),
        (MediaType.ociIndex, "application/vnd.oci.image.index.v1+json"),
        (MediaType.ociConfig, "application/vnd.oci.image.config.v1+json"),
        (MediaType.ociLayer, "application/vnd.oci.image.layer.v1.tar"),
        (MediaType.ociLayerGzip, "application/vnd.oci.image.layer.v1.tar+gzip"),
        (MediaType.ociLayerZstd, "application/vnd.oci.image.layer.v1.tar+zstd"),
        (MediaType.ociEmpty, "application/vnd.oci.empty.v1+json"),
        (MediaType.dockerManifest, "application/vnd.docker.distribution.manifest.v2+json"),
        (MediaType.dockerManifestList, "application/vnd.docker.distribution.manifest.list.v2+json"),
        (MediaType.dockerConfig, "application/vnd.docker.container.image.v1+json"),
        (MediaType.dockerLayerGzip, "application/vnd.docker.image.rootfs.diff.tar.gzip"),
        (MediaType.dockerForeignLayerGzip, "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip"),
        (MediaType.inTotoLayer, "application/vnd.in-toto+json"),
        (MediaType.dsseEnvelope, "application/vnd.dsse.envelope.v1+json"),
        (MediaType.sigstoreBundleV01, "application/vnd.dev.sigstore.bundle+json;version=0.1"),
        (MediaType.sigstoreBundleV02, "application/vnd.dev.sigstore.bundle+json;version=0.2"),
        (MediaType.sigstoreBundleV03, "application/vnd.dev.sigstore.bundle.v0.3+json"),
        (MediaType.spdxJSON, "application/spdx+json"),
        (MediaType.cycloneDXJSON, "application/vnd.cyclonedx+json"),
    ])
    func names(constant: String, expected: String) {
        #expect(constant == expected)
    }

    @Test("manifest and index classification", arguments: [
        (MediaType.ociIndex, true, false),
        (MediaType.dockerManifestList, true, false),
        (MediaType.ociManifest, false, true),
        (MediaType.dockerManifest, false, true),
        (MediaType.ociConfig, false, false),
        (MediaType.dockerConfig, false, false),
        (MediaType.ociEmpty, false, false),
        (MediaType.ociLayerGzip, false, false),
        (MediaType.inTotoLayer, false, false),
        ("application/vnd.docker.distribution.manifest.v1+prettyjws", false, false),
        ("application/vnd.docker.distribution.manifest.v1+json", false, false),
        ("application/json", false, false),
        ("", false, false),
        ("APPLICATION/VND.OCI.IMAGE.INDEX.V1+JSON", false, false),
        ("application/vnd.oci.image.index.v1+json; charset=utf-8", false, false),
    ])
    func classification(type: String, isIndex: Bool, isManifest: Bool) {
        #expect(MediaType.isIndex(type) == isIndex)
        #expect(MediaType.isManifest(type) == isManifest)
    }

    @Test("the Accept list holds exactly the four manifest and index types")
    func acceptList() {
        #expect(Set(MediaType.manifestTypes) == [
            MediaType.ociIndex, MediaType.ociManifest, MediaType.dockerManifestList, MediaType.dockerManifest,
        ])
        #expect(MediaType.manifestTypes.count == 4)
        for type in MediaType.manifestTypes {
            #expect(MediaType.isIndex(type) != MediaType.isManifest(type), "\(type) is exactly one of index or manifest")
        }
    }
}
