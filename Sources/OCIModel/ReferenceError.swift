/// Why an image reference was refused; each case names the offending part.
public enum ReferenceError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case invalidFormat(String, reason: String)
    case uppercaseRepository(String)
    case nameTooLong(String, length: Int)
    case invalidTag(String, tag: String)
    case invalidDigest(String, reason: String)
    case invalidRegistry(String, registry: String)
    case hexRepositoryName(String)

    public var description: String {
        switch self {
        case .empty:
            "invalid reference format: the reference is empty"
        case .invalidFormat(let r, let reason):
            "invalid reference format '\(r)': \(reason)"
        case .uppercaseRepository(let r):
            "invalid reference format '\(r)': repository name must be lowercase"
        case .nameTooLong(let r, let n):
            "invalid reference format '\(r)': repository name must not be more than \(ImageReference.maxNameLength) characters (has \(n))"
        case .invalidTag(let r, let tag):
            "invalid reference format '\(r)': tag '\(tag)' must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}"
        case .invalidDigest(let r, let reason):
            "invalid reference format '\(r)': \(reason)"
        case .invalidRegistry(let r, let registry):
            "invalid reference format '\(r)': registry '\(registry)' is not a valid host[:port]"
        case .hexRepositoryName(let r):
            "invalid repository name '\(r)': cannot specify 64-byte hexadecimal strings"
        }
    }
}
