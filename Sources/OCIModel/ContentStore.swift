/// Where images are read from: a registry repository or an image layout.
/// Every method verifies what it returns against the digest it was asked for.
public protocol ContentSource: Sendable {
    /// How messages name this source, e.g. `oci-dir:/tmp/x` or `127.0.0.1:5000/test/app`.
    var displayName: String { get }

    /// The descriptor a tag (or a digest string) points at; throws ``ContentNotFound`` when absent.
    func resolve(_ tagOrDigest: String) async throws -> Descriptor

    /// The manifest or index with `descriptor.digest`, verified.
    func manifest(_ descriptor: Descriptor) async throws -> ManifestDocument

    /// The blob's bytes, streamed; the stream throws if they do not match `descriptor`.
    func blob(_ descriptor: Descriptor) async throws -> ByteChunks

    /// The manifests whose `subject` is `digest`, filtered by `artifactType` when given.
    func referrers(of digest: Digest, artifactType: String?) async throws -> [Descriptor]

    /// The tags the source holds.
    func tags() async throws -> [String]
}

/// Where images are written to. Callers push blobs before the manifests that use them.
public protocol ContentDestination: Sendable {
    /// How messages name this destination.
    var displayName: String { get }

    /// Whether the blob is already there (so a copy can skip it).
    func hasBlob(_ descriptor: Descriptor) async throws -> Bool

    /// Stores a blob; `content` is verified against `descriptor` while it is written.
    func putBlob(_ descriptor: Descriptor, content: ByteChunks) async throws

    /// Stores a manifest or index, under `tag` if given (else by digest only).
    func putManifest(_ document: ManifestDocument, tag: String?) async throws

    /// Makes everything written visible (writes a layout's `index.json`, packs an archive).
    func commit() async throws
}

/// A destination that can take a blob from another repository of the same registry
/// without moving its bytes (cross-repository mount).
public protocol BlobMounting: ContentDestination {
    /// Mounts the blob from `source` if both live on the same registry; `false` if it could not.
    func mountBlob(_ descriptor: Descriptor, from source: any ContentSource) async throws -> Bool
}

extension ContentSource {
    /// The descriptor a tag points at, or `nil` when the source throws ``ContentNotFound``.
    public func resolveIfPresent(_ tagOrDigest: String) async throws -> Descriptor? {
        do { return try await resolve(tagOrDigest) } catch is ContentNotFound { return nil }
    }
}
