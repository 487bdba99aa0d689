import Crypto

/// A content digest such as `sha256:4b…`, validated on construction.
///
/// Only the algorithms OCI registers (`sha256`, `sha512`) are accepted, with
/// lowercase hex of the exact length; anything else is a ``DigestError``.
public struct Digest: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// A registered digest algorithm.
    public enum Algorithm: String, Sendable, CaseIterable {
        case sha256
        case sha512

        /// Number of hex characters in an encoded digest of this algorithm.
        public var hexLength: Int { self == .sha256 ? 64 : 128 }
    }

    /// The algorithm part, before the colon.
    public let algorithm: Algorithm
    /// The lowercase hex encoding, after the colon.
    public let encoded: String

    /// Parses `algorithm:hex`.
    public init(_ string: String) throws(DigestError) {
        guard let colon = string.firstIndex(of: ":") else {
            throw DigestError.malformed(string, reason: "expected 'algorithm:hex'")
        }
        let name = String(string[..<colon])
        let hex = String(string[string.index(after: colon)...])
        guard let algorithm = Algorithm(rawValue: name) else {
            throw DigestError.unsupportedAlgorithm(string, algorithm: name)
        }
        guard hex.utf8.count == algorithm.hexLength else {
            throw DigestError.malformed(string, reason: "\(name) needs \(algorithm.hexLength) hex characters, found \(hex.utf8.count)")
        }
        guard hex.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else {
            throw DigestError.malformed(string, reason: "the hex part must be lowercase 0-9a-f")
        }
        self.algorithm = algorithm
        self.encoded = hex
    }

    init(algorithm: Algorithm, bytes: some Sequence<UInt8>) {
        self.algorithm = algorithm
        self.encoded = Hex.encode(bytes)
    }

    /// The digest of `bytes` with `algorithm`.
    public static func compute(_ bytes: some DataProtocolBytes, algorithm: Algorithm = .sha256) -> Digest {
        var hasher = DigestHasher(algorithm: algorithm)
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Throws ``DigestError/mismatch(expected:actual:)`` unless `bytes` hash to this digest.
    public func verify(_ bytes: some DataProtocolBytes) throws(DigestError) {
        let actual = Digest.compute(bytes, algorithm: algorithm)
        guard actual == self else { throw DigestError.mismatch(expected: self, actual: actual) }
    }

    public var description: String { "\(algorithm.rawValue):\(encoded)" }

    public static func < (lhs: Digest, rhs: Digest) -> Bool { lhs.description < rhs.description }
}

extension Digest: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        do { self = try Digest(string) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Byte containers whose contiguous storage can be hashed without copying.
public protocol DataProtocolBytes {
    /// Calls `body` with the bytes as one contiguous buffer.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R
}

extension Array: DataProtocolBytes where Element == UInt8 {
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(body)
    }
}

extension ArraySlice: DataProtocolBytes where Element == UInt8 {
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(body)
    }
}

/// An incremental hasher producing a ``Digest``; feed it chunks as they stream by.
public struct DigestHasher {
    private enum State {
        case sha256(SHA256)
        case sha512(SHA512)
    }

    private var state: State
    /// Total bytes fed so far.
    public private(set) var count: Int64 = 0

    public init(algorithm: Digest.Algorithm) {
        switch algorithm {
        case .sha256: state = .sha256(SHA256())
        case .sha512: state = .sha512(SHA512())
        }
    }

    /// Adds `bytes` to the running hash.
    public mutating func update(_ bytes: some DataProtocolBytes) {
        bytes.withBytes { update(buffer: $0) }
    }

    /// Adds the bytes of `buffer` to the running hash.
    public mutating func update(buffer: UnsafeRawBufferPointer) {
        count += Int64(buffer.count)
        switch state {
        case .sha256(var h):
            h.update(bufferPointer: buffer)
            state = .sha256(h)
        case .sha512(var h):
            h.update(bufferPointer: buffer)
            state = .sha512(h)
        }
    }

    /// The digest of everything fed so far.
    public func finalize() -> Digest {
        switch state {
        case .sha256(let h): Digest(algorithm: .sha256, bytes: h.finalize())
        case .sha512(let h): Digest(algorithm: .sha512, bytes: h.finalize())
        }
    }
}

/// Lowercase hexadecimal text of bytes, as digests and checksums are written.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// The lowercase hex encoding of `bytes`.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
