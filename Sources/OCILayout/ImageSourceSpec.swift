import OCIModel

/// Where an image lives, parsed from a source string in Syft's scheme names:
/// `registry:REF` (also a bare reference), `oci-dir:PATH[:TAG]`,
/// `oci-archive:FILE[:TAG]`, `docker-archive:FILE[:TAG]`.
///
/// For the path schemes the optional `:TAG` is the text after the last colon
/// when that text contains no `/` (so `oci-dir:/tmp/x:v1` is tag `v1`, while
/// `oci-dir:./a:b/c` is the path `./a:b/c`).
public enum ImageSourceSpec: Sendable, Equatable {
    case registry(ImageReference)
    case ociDirectory(path: String, tag: String?)
    case ociArchive(path: String, tag: String?)
    case dockerArchive(path: String, tag: String?)

    /// Parses `text`; a string without a known scheme is a registry reference.
    public init(parsing text: String) throws {
        let schemes: [(String, (String, String?) -> ImageSourceSpec)] = [
            ("oci-dir:", { .ociDirectory(path: $0, tag: $1) }),
            ("oci-archive:", { .ociArchive(path: $0, tag: $1) }),
            ("docker-archive:", { .dockerArchive(path: $0, tag: $1) }),
        ]
        for (prefix, make) in schemes where text.hasPrefix(prefix) {
            let (path, tag) = Self.splitTag(String(text.dropFirst(prefix.count)))
            guard !path.isEmpty else { throw InputError(source: text, field: nil, reason: "the \(prefix) source needs a path") }
            self = make(path, tag)
            return
        }
        let reference = text.hasPrefix("registry:") ? String(text.dropFirst("registry:".count)) : text
        self = .registry(try ImageReference(parsing: reference))
    }

    static func splitTag(_ text: String) -> (String, String?) {
        guard let colon = text.lastIndex(of: ":") else { return (text, nil) }
        let tag = text[text.index(after: colon)...]
        guard !tag.isEmpty, !tag.contains("/") else { return (text, nil) }
        return (String(text[..<colon]), String(tag))
    }
}
