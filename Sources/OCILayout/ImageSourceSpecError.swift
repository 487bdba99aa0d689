/// A source string that does not parse.
public enum ImageSourceSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `oci-dir:`, `oci-archive:` or `docker-archive:` without a path.
    case emptyPath(String)
    /// A trailing `:` with no tag after it.
    case emptyTag(String)
    /// Another tool's scheme (`oci:`, `docker://`, …), with what to use instead.
    case unsupportedScheme(String, scheme: String, hint: String)
    /// A read-only source (`docker-archive:`) named as a destination.
    case readOnly(String)

    public var description: String {
        switch self {
        case .emptyPath(let spec): "invalid image source '\(spec)': the path is empty"
        case .emptyTag(let spec): "invalid image source '\(spec)': the tag after ':' is empty"
        case .unsupportedScheme(let spec, let scheme, let hint): "invalid image source '\(spec)': the \(scheme): scheme is not supported; \(hint)"
        case .readOnly(let spec): "'\(spec)' cannot be written: docker-archive: is read only (use oci-dir: or oci-archive:)"
        }
    }
}
