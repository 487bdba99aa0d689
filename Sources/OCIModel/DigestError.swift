/// Why a digest string was refused or content did not match its digest.
public enum DigestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The string is not `algorithm:hex` of the right shape.
    case malformed(String, reason: String)
    /// The algorithm is not one OCI registers.
    case unsupportedAlgorithm(String, algorithm: String)
    /// Content hashed to another digest than the one it was fetched by.
    case mismatch(expected: Digest, actual: Digest)
    /// Content had another length than its descriptor says.
    case sizeMismatch(digest: Digest, expected: Int64, actual: Int64)

    public var description: String {
        switch self {
        case .malformed(let s, let reason): "invalid digest '\(s)': \(reason)"
        case .unsupportedAlgorithm(let s, let a): "invalid digest '\(s)': unsupported algorithm '\(a)' (sha256 and sha512 are supported)"
        case .mismatch(let e, let a): "digest mismatch: expected \(e), content hashes to \(a)"
        case .sizeMismatch(let d, let e, let a): "size mismatch for \(d): descriptor says \(e) bytes, content has \(a)"
        }
    }
}
