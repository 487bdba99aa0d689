#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import OCIModel
import Synchronization

/// An OCI image layout 1.0 in a directory (`oci-dir:PATH`): an `oci-layout`
/// marker, `index.json`, and blobs at `blobs/<algorithm>/<hex>`.
///
/// As a source it resolves tags through the `org.opencontainers.image.ref.name`
/// annotation of `index.json` entries (or a digest), verifies every manifest and
/// streams blobs from their files in ``chunkSize`` chunks, verified as they pass.
/// As a destination see ``putBlob(_:content:)``, ``putManifest(_:tag:)`` and
/// ``commit()``.
public final class OCIDirectory: LocalImageSource, ContentDestination, Sendable {
    /// The size of the chunks blobs are read in.
    public static let chunkSize = 1 << 20

    /// The layout directory.
    public let path: String
    public let displayName: String
    let reader: LayoutReader<DirectoryStorage>
    /// `index.json` entries recorded by ``putManifest(_:tag:)`` and not yet committed.
    let pendingEntries = Mutex<[Descriptor]>([])

    /// Opens the layout at `path` for reading, checking now that it has an
    /// `oci-layout` marker and a valid `index.json` (both are read again when used).
    public convenience init(readingAt path: String) throws {
        self.init(path: path)
        _ = try reader.index()
    }

    /// Opens the layout at `path` for writing (and reading), creating the directory,
    /// its `oci-layout` marker and `blobs/sha256` now where missing. An existing
    /// layout keeps its blobs and `index.json` entries.
    public convenience init(writingAt path: String) throws {
        self.init(path: path)
        try AtomicFile.makeDirectory("\(self.path)/\(LayoutFormat.blobsDirectory)/\(Digest.Algorithm.sha256.rawValue)")
        let marker = "\(self.path)/\(LayoutFormat.markerFile)"
        if access(marker, F_OK) != 0 {
            try AtomicFile.replace(marker, with: try CanonicalJSON.encode(LayoutFormat.Marker(imageLayoutVersion: LayoutFormat.version)))
        }
    }

    private init(path: String) {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        self.path = trimmed
        self.displayName = "oci-dir:\(trimmed)"
        self.reader = LayoutReader(storage: DirectoryStorage(root: trimmed, displayName: "oci-dir:\(trimmed)"))
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
