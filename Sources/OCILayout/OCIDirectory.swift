import Foundation
import OCIModel

/// An OCI image layout directory (`oci-dir:PATH`): `oci-layout`, `index.json` and
/// `blobs/<alg>/<hex>`. Reads verify every digest; writes go to a temporary file
/// that is renamed into place only after its digest checked out, and `index.json`
/// is replaced atomically on ``commit()``.
public actor OCIDirectory: ContentSource, ContentDestination {
    /// The largest chunk read from a blob file at a time.
    public static let chunkSize = 1 << 20

    public nonisolated let root: URL
    public nonisolated let displayName: String
    private var layoutIndex: LayoutIndex
    private var dirty = false

    /// Opens the layout at `path` for reading (it must exist).
    public init(readingAt path: String) throws {
        root = URL(fileURLWithPath: path)
        displayName = "oci-dir:\(path)"
        let indexURL = root.appendingPathComponent("index.json")
        guard FileManager.default.fileExists(atPath: indexURL.path) else {
            throw LayoutError(path: path, reason: "not an OCI image layout: index.json is missing")
        }
        let bytes = try FileBytes.read(indexURL, limit: JSONInput.maxDocumentSize)
        layoutIndex = try LayoutIndex(bytes: bytes, location: path)
    }

    /// Opens the layout at `path` for writing, creating it when missing and keeping
    /// the entries of an existing one.
    public init(writingAt path: String) throws {
        root = URL(fileURLWithPath: path)
        displayName = "oci-dir:\(path)"
        let manager = FileManager.default
        let indexURL = root.appendingPathComponent("index.json")
        if manager.fileExists(atPath: indexURL.path) {
            layoutIndex = try LayoutIndex(bytes: try FileBytes.read(indexURL, limit: JSONInput.maxDocumentSize), location: path)
        } else {
            layoutIndex = LayoutIndex(empty: path)
        }
        try manager.createDirectory(at: root.appendingPathComponent("blobs/sha256"), withIntermediateDirectories: true)
        let marker = root.appendingPathComponent("oci-layout")
        if !manager.fileExists(atPath: marker.path) {
            try FileBytes.writeAtomically(Array(#"{"imageLayoutVersion":"1.0.0"}"#.utf8), to: marker)
        }
    }

    /// The path of the blob with `digest` (built only from a validated digest).
    public nonisolated func blobURL(_ digest: Digest) -> URL {
        root.appendingPathComponent("blobs").appendingPathComponent(digest.algorithm.rawValue).appendingPathComponent(digest.encoded)
    }

    // MARK: ContentSource

    public func resolve(_ tagOrDigest: String) async throws -> Descriptor {
        var descriptor = try layoutIndex.resolve(tagOrDigest)
        if descriptor.size < 0 {
            descriptor.size = try FileBytes.size(of: blobURL(descriptor.digest), missing: ContentNotFound(descriptor.digest.description, in: displayName))
            let document = try await manifest(descriptor)
            descriptor.mediaType = document.mediaType
        }
        return descriptor
    }

    /// The descriptor of the layout's only (or only tagged) image, for sources given without a tag.
    public func resolveDefault() throws -> Descriptor {
        try layoutIndex.resolve(nil)
    }

    public nonisolated func manifest(_ descriptor: Descriptor) async throws -> ManifestDocument {
        let url = blobURL(descriptor.digest)
        guard FileManager.default.fileExists(atPath: url.path) else { throw ContentNotFound(descriptor.digest.description, in: displayName) }
        let bytes = try FileBytes.read(url, limit: JSONInput.maxDocumentSize)
        if descriptor.size >= 0, Int64(bytes.count) != descriptor.size {
            throw DigestError.sizeMismatch(digest: descriptor.digest, expected: descriptor.size, actual: Int64(bytes.count))
        }
        return try ManifestDocument(bytes: bytes, mediaType: descriptor.mediaType, expected: descriptor.digest, source: "\(displayName) blob \(descriptor.digest)")
    }

    public nonisolated func blob(_ descriptor: Descriptor) async throws -> ByteChunks {
        let url = blobURL(descriptor.digest)
        guard FileManager.default.fileExists(atPath: url.path) else { throw ContentNotFound(descriptor.digest.description, in: displayName) }
        return FileBytes.chunks(of: url, chunkSize: Self.chunkSize).verifying(descriptor)
    }

    public func referrers(of digest: Digest, artifactType: String?) async throws -> [Descriptor] {
        var found: [Descriptor] = []
        for entry in layoutIndex.index.manifests where MediaType.isManifest(entry.mediaType) || MediaType.isIndex(entry.mediaType) {
            guard let document = try? await manifest(entry), document.subject?.digest == digest else { continue }
            var descriptor = document.descriptor
            descriptor.artifactType = document.referrerArtifactType
            descriptor.annotations = document.annotations
            if let artifactType, descriptor.artifactType != artifactType { continue }
            found.append(descriptor)
        }
        return found
    }

    public func tags() async throws -> [String] { layoutIndex.tags }

    // MARK: ContentDestination

    public nonisolated func hasBlob(_ descriptor: Descriptor) async throws -> Bool {
        let url = blobURL(descriptor.digest)
        guard let size = try? FileBytes.size(of: url, missing: ContentNotFound("", in: "")) else { return false }
        return size == descriptor.size
    }

    public nonisolated func putBlob(_ descriptor: Descriptor, content: ByteChunks) async throws {
        let url = blobURL(descriptor.digest)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try await FileBytes.writeAtomically(content.verifying(descriptor), to: url)
    }

    public func putManifest(_ document: ManifestDocument, tag: String?) async throws {
        try await putBlob(document.descriptor, content: ByteChunks(bytes: document.bytes))
        guard tag != nil || document.subject != nil else { return }
        var descriptor = document.descriptor
        if document.subject != nil { descriptor.artifactType = document.referrerArtifactType }
        layoutIndex.record(descriptor, tag: tag)
        dirty = true
    }

    public func commit() async throws {
        guard dirty else { return }
        try FileBytes.writeAtomically(try CanonicalJSON.encode(layoutIndex.index), to: root.appendingPathComponent("index.json"))
        dirty = false
    }
}
