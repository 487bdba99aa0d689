#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import OCIModel

/// Writing: blobs land in their final place only complete and verified; entries
/// for `index.json` collect in memory until ``commit()`` replaces it atomically.
extension OCIDirectory {
    /// Whether the blob is there with the descriptor's size and digest: an existing file
    /// is read through and hashed, so a corrupt or truncated one is written again, not skipped.
    public func hasBlob(_ descriptor: Descriptor) async throws -> Bool {
        guard let file = try ReadOnlyFile.openIfPresent(blobPath(descriptor.digest)), file.size == descriptor.size else { return false }
        do {
            for try await _ in FileRegion(file: file, offset: 0, length: file.size).chunks(chunkSize: Self.chunkSize).verifying(descriptor) {}
        } catch is DigestError {
            return false
        }
        return true
    }

    /// Streams `content` into a temporary file in the blobs directory, verifying
    /// digest and size, then renames it into place; the temporary file is removed
    /// when anything fails. A blob that is already there, verified, is not written again;
    /// one that fails verification is replaced.
    public func putBlob(_ descriptor: Descriptor, content: ByteChunks) async throws {
        try AtomicFile.makeDirectory("\(path)/\(LayoutFormat.blobsDirectory)/\(descriptor.digest.algorithm.rawValue)")
        guard try await !hasBlob(descriptor) else { return }
        try await AtomicFile.replace(blobPath(descriptor.digest), with: content.verifying(descriptor))
    }

    /// Stores the manifest's exact bytes as a blob and records an `index.json`
    /// entry (written by ``commit()``) when it is tagged or is a referrer (has a
    /// `subject`), so referrers stay discoverable. Other untagged manifests, such
    /// as the platform manifests of an index, are only blobs.
    ///
    /// A tagged entry carries `org.opencontainers.image.ref.name`; a referrer's
    /// entry carries its artifact type and annotations, as the referrers API lists them.
    public func putManifest(_ document: ManifestDocument, tag: String?) async throws {
        try await putBlob(document.descriptor, content: ByteChunks(bytes: document.bytes))
        guard tag != nil || document.subject != nil else { return }
        var entry = document.descriptor
        if document.subject != nil {
            entry.artifactType = document.referrerArtifactType
            entry.annotations = document.annotations
        }
        if let tag { entry.annotations = (entry.annotations ?? [:]).merging([AnnotationKey.refName: tag]) { $1 } }
        pendingEntries.withLock { $0.append(entry) }
    }

    /// Merges the recorded entries into `index.json` (a tagged entry replaces the
    /// entry with the same tag) and replaces the file atomically.
    public func commit() async throws {
        let entries = pendingEntries.withLock { $0 }
        let hasIndex = try reader.storage.file(LayoutFormat.indexFile) != nil
        var index = hasIndex ? try reader.index() : LayoutIndex(index: ImageIndex(manifests: []))
        for entry in entries { index.record(entry) }
        try AtomicFile.replace("\(path)/\(LayoutFormat.indexFile)", with: try CanonicalJSON.encode(index.index))
        pendingEntries.withLock { $0.removeFirst(min(entries.count, $0.count)) }
    }

    /// The blob's file; built only from a validated digest.
    func blobPath(_ digest: Digest) -> String { "\(path)/\(LayoutFormat.blobPath(digest))" }
}
