import OCIModel

/// A tar archive of an OCI image layout (`oci-archive:FILE`), read in place:
/// its headers are indexed once and blobs are streamed from their entries, so
/// nothing is extracted to disk. Serves the same behaviour as ``OCIDirectory``.
/// Write archives with ``OCIArchiveWriter``.
public final class OCIArchive: LocalImageSource, Sendable {
    /// The archive file.
    public let path: String
    public let displayName: String
    let reader: LayoutReader<ArchiveStorage>

    /// Indexes the archive at `path`; throws ``TarError`` for a malformed archive or
    /// one with an entry name containing `..`.
    public init(path: String) throws {
        let tar = try TarReader(path: path)
        try tar.requireSafeNames()
        self.path = path
        self.displayName = "oci-archive:\(path)"
        self.reader = LayoutReader(storage: ArchiveStorage(reader: tar, displayName: "oci-archive:\(path)"))
    }

    public func resolve(_ tagOrDigest: String) async throws -> Descriptor { try reader.resolve(tagOrDigest) }

    public func resolveDefault() async throws -> Descriptor { try reader.resolveDefault() }

    public func manifest(_ descriptor: Descriptor) async throws -> ManifestDocument { try reader.manifest(descriptor) }

    public func blob(_ descriptor: Descriptor) async throws -> ByteChunks { try reader.blob(descriptor) }

    /// Manifests with `subject` `digest`, from those `index.json` lists and the indexes it lists.
    public func referrers(of digest: Digest, artifactType: String?) async throws -> [Descriptor] {
        try reader.referrers(of: digest, artifactType: artifactType)
    }

    /// The `org.opencontainers.image.ref.name` values of `index.json`.
    public func tags() async throws -> [String] { try reader.tags() }
}
