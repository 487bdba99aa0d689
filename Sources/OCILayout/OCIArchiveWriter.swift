import Foundation
import OCIModel

/// Writes an OCI image layout archive (`oci-archive:FILE`).
///
/// Blobs and manifests are staged in an ``OCIDirectory`` in a hidden directory
/// next to `FILE`; ``commit()`` packs it with ``TarWriter`` into a temporary file,
/// renames that over `FILE` (replacing an existing archive) and removes the
/// staging directory. A writer commits once; the staging directory is also
/// removed when the writer is dropped without committing.
public final class OCIArchiveWriter: ContentDestination, Sendable {
    /// The archive file.
    public let path: String
    public let displayName: String
    private let staging: OCIDirectory

    /// A writer for the archive at `path`; creates the staging directory.
    public init(path: String) throws {
        self.path = path
        self.displayName = "oci-archive:\(path)"
        self.staging = try OCIDirectory(writingAt: AtomicFile.temporaryPath(beside: path) + "-staging")
    }

    deinit { try? FileManager.default.removeItem(atPath: staging.path) }

    public func hasBlob(_ descriptor: Descriptor) async throws -> Bool { try await staging.hasBlob(descriptor) }

    public func putBlob(_ descriptor: Descriptor, content: ByteChunks) async throws {
        try await staging.putBlob(descriptor, content: content)
    }

    /// Stages the manifest; `index.json` entries follow ``OCIDirectory/putManifest(_:tag:)``.
    public func putManifest(_ document: ManifestDocument, tag: String?) async throws {
        try await staging.putManifest(document, tag: tag)
    }

    /// Writes `index.json`, packs the layout into `FILE` and removes the staging directory.
    public func commit() async throws {
        try await staging.commit()
        try await AtomicFile.replace(path) { output in
            let tar = TarWriter(output: output)
            try await pack(into: tar)
            try tar.finish()
        }
        try? FileManager.default.removeItem(atPath: staging.path)
    }

    /// The layout in a fixed order: `oci-layout`, `index.json`, then the blobs
    /// directories and files sorted by name.
    private func pack(into tar: TarWriter) async throws {
        for name in [LayoutFormat.markerFile, LayoutFormat.indexFile] {
            try await addFile(name, to: tar)
        }
        try tar.addDirectory(LayoutFormat.blobsDirectory)
        let blobsRoot = "\(staging.path)/\(LayoutFormat.blobsDirectory)"
        for algorithm in try listing(blobsRoot) {
            try tar.addDirectory("\(LayoutFormat.blobsDirectory)/\(algorithm)")
            for blob in try listing("\(blobsRoot)/\(algorithm)") where !blob.hasPrefix(".") {
                try await addFile("\(LayoutFormat.blobsDirectory)/\(algorithm)/\(blob)", to: tar)
            }
        }
    }

    private func addFile(_ relativePath: String, to tar: TarWriter) async throws {
        guard let file = try ReadOnlyFile.openIfPresent("\(staging.path)/\(relativePath)") else {
            throw LayoutError.fileSystem(path: "\(staging.path)/\(relativePath)", operation: "open", reason: "no such file")
        }
        let region = FileRegion(file: file, offset: 0, length: file.size)
        try await tar.addFile(relativePath, size: file.size, content: region.chunks(chunkSize: OCIDirectory.chunkSize))
    }

    private func listing(_ directory: String) throws -> [String] {
        do { return try FileManager.default.contentsOfDirectory(atPath: directory).sorted() } catch {
            throw LayoutError.fileSystem(path: directory, operation: "list", reason: error.localizedDescription)
        }
    }
}
