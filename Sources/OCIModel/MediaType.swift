/// Media types of OCI and Docker manifests, configs, layers and the artifacts
/// Hallmark meets. Kept as plain strings on the wire; these are the names.
public enum MediaType {
    public static let ociManifest = "application/vnd.oci.image.manifest.v1+json"
    public static let ociIndex = "application/vnd.oci.image.index.v1+json"
    public static let ociConfig = "application/vnd.oci.image.config.v1+json"
    public static let ociLayer = "application/vnd.oci.image.layer.v1.tar"
    public static let ociLayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip"
    public static let ociLayerZstd = "application/vnd.oci.image.layer.v1.tar+zstd"
    public static let ociEmpty = "application/vnd.oci.empty.v1+json"
    public static let dockerManifest = "application/vnd.docker.distribution.manifest.v2+json"
    public static let dockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json"
    public static let dockerConfig = "application/vnd.docker.container.image.v1+json"
    public static let dockerLayerGzip = "application/vnd.docker.image.rootfs.diff.tar.gzip"
    public static let dockerForeignLayerGzip = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip"
    public static let inTotoLayer = "application/vnd.in-toto+json"
    public static let dsseEnvelope = "application/vnd.dsse.envelope.v1+json"
    public static let sigstoreBundleV01 = "application/vnd.dev.sigstore.bundle+json;version=0.1"
    public static let sigstoreBundleV02 = "application/vnd.dev.sigstore.bundle+json;version=0.2"
    public static let sigstoreBundleV03 = "application/vnd.dev.sigstore.bundle.v0.3+json"
    public static let spdxJSON = "application/spdx+json"
    public static let cycloneDXJSON = "application/vnd.cyclonedx+json"

    /// Every manifest and index type, for a registry `Accept` header.
    public static let manifestTypes = [ociIndex, ociManifest, dockerManifestList, dockerManifest]

    /// An index or a Docker manifest list.
    public static func isIndex(_ type: String) -> Bool { type == ociIndex || type == dockerManifestList }

    /// An image manifest (OCI or Docker schema 2).
    public static func isManifest(_ type: String) -> Bool { type == ociManifest || type == dockerManifest }
}
