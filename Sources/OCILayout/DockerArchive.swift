import OCIModel

/// A `docker save` archive (`docker-archive:FILE`), read only and in place.
///
/// Classic archives (`manifest.json` with `Config`, `RepoTags`, `Layers`) are
/// served as synthesized Docker schema 2 manifests: the config and layer
/// descriptors are computed by hashing the archive's entries, layers typed
/// `application/vnd.docker.image.rootfs.diff.tar` (or `.tar.gzip` when the file
/// starts with the gzip magic), and the manifest encoded as canonical JSON, so its
/// digest is deterministic. Tags are the `RepoTags` (`name:tag`, or just `tag`).
///
/// Archives from Docker 25 and later are OCI image layouts (`oci-layout`,
/// `index.json`, blobs); they are detected and read exactly like ``OCIArchive``.
public final class DockerArchive: LocalImageSource, Sendable {
    private enum Format: Sendable {
        case ociLayout(LayoutReader<ArchiveStorage>)
        case dockerSave(DockerSaveArchive)
    }

    /// The archive file.
    public let path: String
    public let displayName: String
    private let format: Format

    /// Indexes the archive at `path` and detects its format; throws ``TarError`` for
    /// a malformed archive or one with an entry name containing `..`.
    public init(path: String) throws {
        let tar = try TarReader(path: path)
        try tar.requireSafeNames()
        self.path = path
        self.displayName = "docker-archive:\(path)"
        if tar.entry(named: LayoutFormat.markerFile) != nil, tar.entry(named: LayoutFormat.indexFile) != nil {
            format = .ociLayout(LayoutReader(storage: ArchiveStorage(reader: tar, displayName: displayName)))
        } else {
            format = .dockerSave(try DockerSaveArchive(reader: tar, displayName: displayName))
        }
    }

    /// Whether the archive is an OCI image layout (Docker 25+) rather than the classic format.
    public var isOCILayout: Bool {
        if case .ociLayout = format { return true }
        return false
    }

    public func resolve(_ tagOrDigest: String) async throws -> Descriptor {
        switch format {
        case .ociLayout(let layout): try layout.resolve(tagOrDigest)
        case .dockerSave(let archive): try await archive.resolve(tagOrDigest)
        }
    }

    public func resolveDefault() async throws -> Descriptor {
        switch format {
        case .ociLayout(let layout): try layout.resolveDefault()
        case .dockerSave(let archive): try await archive.resolveDefault()
        }
    }

    public func manifest(_ descriptor: Descriptor) async throws -> ManifestDocument {
        switch format {
        case .ociLayout(let layout): try layout.manifest(descriptor)
        case .dockerSave(let archive): try await archive.manifest(descriptor)
        }
    }

    public func blob(_ descriptor: Descriptor) async throws -> ByteChunks {
        switch format {
        case .ociLayout(let layout): try layout.blob(descriptor)
        case .dockerSave(let archive): try await archive.blob(descriptor)
        }
    }

    /// Referrers in an OCI-format archive; classic archives have none.
    public func referrers(of digest: Digest, artifactType: String?) async throws -> [Descriptor] {
        switch format {
        case .ociLayout(let layout): try layout.referrers(of: digest, artifactType: artifactType)
        case .dockerSave: []
        }
    }

    /// The `RepoTags` of a classic archive, the ref names of an OCI-format one.
    public func tags() async throws -> [String] {
        switch format {
        case .ociLayout(let layout): try layout.tags()
        case .dockerSave(let archive): archive.tags()
        }
    }
}
