import OCIModel

/// Where the files of an OCI image layout are: a directory or a tar archive.
/// ``LayoutReader`` does all the reading on top of this.
protocol LayoutStorage: Sendable {
    /// How messages name the layout, e.g. `oci-dir:/tmp/x`.
    var displayName: String { get }
    /// The chunk size for streaming blobs.
    var chunkSize: Int { get }
    /// The file at `relativePath` (e.g. `index.json`), or `nil` if the layout has none.
    func file(_ relativePath: String) throws -> FileRegion?
    /// How messages name the file at `relativePath`, e.g. `/tmp/x/index.json`.
    func location(of relativePath: String) -> String
}

/// A layout in a directory.
struct DirectoryStorage: LayoutStorage {
    let root: String
    let displayName: String
    var chunkSize: Int { OCIDirectory.chunkSize }

    func file(_ relativePath: String) throws -> FileRegion? {
        try ReadOnlyFile.openIfPresent(location(of: relativePath)).map { FileRegion(file: $0, offset: 0, length: $0.size) }
    }

    func location(of relativePath: String) -> String { "\(root)/\(relativePath)" }
}

/// A layout packed in a tar archive, read in place.
struct ArchiveStorage: LayoutStorage {
    let reader: TarReader
    let displayName: String
    var chunkSize: Int { TarReader.chunkSize }

    func file(_ relativePath: String) throws -> FileRegion? {
        guard let entry = reader.entry(named: relativePath) else { return nil }
        return reader.region(of: try reader.followingLinks(entry))
    }

    func location(of relativePath: String) -> String { "\(relativePath) in \(reader.path)" }
}
