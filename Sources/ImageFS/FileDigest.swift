import Crypto

/// The size, SHA-1 and SHA-256 of one regular file, as the walk records it for
/// the SBOM's files section. Kept in the capture store as a fixed 60-byte value.
struct FileDigest: Sendable, Equatable {
    var size: Int64
    var sha1: [UInt8]
    var sha256: [UInt8]

    static let encodedSize = 8 + Insecure.SHA1.byteCount + SHA256.byteCount

    /// The digests of `content`, hashed at once.
    init(of content: [UInt8]) {
        var hasher = FileDigestHasher()
        hasher.update(content[...])
        self = hasher.finalize()
    }

    init(size: Int64, sha1: [UInt8], sha256: [UInt8]) {
        self.size = size
        self.sha1 = sha1
        self.sha256 = sha256
    }

    /// Decodes a value made by ``encoded``; nil for anything else.
    init?(encoded bytes: [UInt8]) {
        guard bytes.count == Self.encodedSize else { return nil }
        size = bytes[0..<8].reduce(Int64(0)) { $0 << 8 | Int64($1) }
        sha1 = Array(bytes[8..<(8 + Insecure.SHA1.byteCount)])
        sha256 = Array(bytes[(8 + Insecure.SHA1.byteCount)...])
    }

    /// Size (big-endian), then SHA-1, then SHA-256.
    var encoded: [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: size >> (56 - 8 * $0)) } + sha1 + sha256
    }
}

/// Hashes a file's content as it streams by.
struct FileDigestHasher {
    private var sha1 = Insecure.SHA1()
    private var sha256 = SHA256()
    private var size: Int64 = 0

    mutating func update(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { raw in
            sha1.update(bufferPointer: raw)
            sha256.update(bufferPointer: raw)
        }
        size += Int64(bytes.count)
    }

    func finalize() -> FileDigest {
        FileDigest(size: size, sha1: Array(sha1.finalize()), sha256: Array(sha256.finalize()))
    }
}
