import OCIModel

/// One regular file of the cataloged view with its digests, recorded when
/// ``WalkOptions/fileMetadata`` is on (the SBOM's optional files section).
public struct CatalogedFile: Hashable, Sendable, Codable {
    /// Absolute path inside the source.
    public var path: String
    /// The layer this version came from (nil for `dir:` and `file:`).
    public var layer: Digest?
    /// Size in bytes.
    public var size: Int64
    /// Lowercase hex SHA-1 of the content.
    public var sha1: String
    /// Lowercase hex SHA-256 of the content.
    public var sha256: String

    /// A file record from its parts.
    public init(path: String, layer: Digest?, size: Int64, sha1: String, sha256: String) {
        self.path = path
        self.layer = layer
        self.size = size
        self.sha1 = sha1
        self.sha256 = sha256
    }
}
