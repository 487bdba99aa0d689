import OCIModel

/// Where an image is, parsed from a source string in Syft's scheme names.
///
/// | string | meaning |
/// |---|---|
/// | `registry:REF`, or a bare `REF` | an image in a registry |
/// | `oci-dir:PATH[:TAG]` | an OCI image layout directory |
/// | `oci-archive:FILE[:TAG]` | a tar of an OCI image layout |
/// | `docker-archive:FILE[:TAG]` | a `docker save` archive (read only) |
///
/// For `oci-dir:` and `oci-archive:` the optional `TAG` is the text after the
/// **last** colon, and only when that text contains no `/`: `oci-dir:/tmp/x:v1` is
/// the layout `/tmp/x` with tag `v1`, while `oci-dir:./a:b/c` is the layout
/// `./a:b/c` without a tag. For `docker-archive:` the tag starts after the
/// **first** colon, because it is often itself `name:tag` (as in skopeo):
/// `docker-archive:x.tar:repo:t` is `x.tar` with tag `repo:t`. Parsing does no I/O.
///
/// Errors: ``ImageSourceSpecError`` for the string itself, ``OCIModel/ReferenceError``
/// for a registry reference.
public enum ImageSourceSpec: Hashable, Sendable, CustomStringConvertible {
    case registry(ImageReference)
    case ociDirectory(path: String, tag: String?)
    case ociArchive(path: String, tag: String?)
    case dockerArchive(path: String, tag: String?)

    /// Schemes of other tools, refused with a hint instead of being read as a
    /// registry reference (`oci:x` would otherwise mean `docker.io/library/oci:x`).
    static let foreignSchemes: [(prefix: String, hint: String)] = [
        ("oci:", "use oci-dir:PATH[:TAG] for an OCI layout directory"),
        ("docker://", "use registry:REF or just REF for a registry image"),
        ("docker-daemon:", "save the image with docker save and use docker-archive:FILE"),
        ("containers-storage:", "copy the image to an OCI layout and use oci-dir:PATH"),
        ("dir:", "only image sources are supported: oci-dir:, oci-archive:, docker-archive:, registry:"),
        ("file:", "only image sources are supported: oci-dir:, oci-archive:, docker-archive:, registry:"),
    ]

    /// Parses `text`; a string without a scheme is a registry reference.
    public init(parsing text: String) throws {
        if let rest = Self.dropping("registry:", from: text) {
            self = .registry(try ImageReference(parsing: rest))
        } else if let rest = Self.dropping("oci-dir:", from: text) {
            let (path, tag) = try Self.splitLastColon(rest, in: text)
            self = .ociDirectory(path: path, tag: tag)
        } else if let rest = Self.dropping("oci-archive:", from: text) {
            let (path, tag) = try Self.splitLastColon(rest, in: text)
            self = .ociArchive(path: path, tag: tag)
        } else if let rest = Self.dropping("docker-archive:", from: text) {
            let (path, tag) = try Self.splitFirstColon(rest, in: text)
            self = .dockerArchive(path: path, tag: tag)
        } else if let foreign = Self.foreignSchemes.first(where: { text.hasPrefix($0.prefix) }) {
            throw ImageSourceSpecError.unsupportedScheme(text, scheme: String(foreign.prefix.prefix { $0 != ":" }), hint: foreign.hint)
        } else {
            self = .registry(try ImageReference(parsing: text))
        }
    }

    /// The scheme name: `registry`, `oci-dir`, `oci-archive` or `docker-archive`.
    public var scheme: String {
        switch self {
        case .registry: "registry"
        case .ociDirectory: "oci-dir"
        case .ociArchive: "oci-archive"
        case .dockerArchive: "docker-archive"
        }
    }

    /// The tag given for a local source (`nil` when none was given, and for registries,
    /// whose tag is part of the reference).
    public var tag: String? {
        switch self {
        case .registry: nil
        case .ociDirectory(_, let tag), .ociArchive(_, let tag), .dockerArchive(_, let tag): tag
        }
    }

    public var description: String {
        switch self {
        case .registry(let reference): "registry:\(reference)"
        case .ociDirectory(let path, let tag), .ociArchive(let path, let tag), .dockerArchive(let path, let tag):
            "\(scheme):\(path)" + (tag.map { ":\($0)" } ?? "")
        }
    }

    private static func dropping(_ prefix: String, from text: String) -> String? {
        text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : nil
    }

    private static func splitLastColon(_ text: String, in spec: String) throws(ImageSourceSpecError) -> (String, String?) {
        var path = text, tag: String?
        if let colon = text.lastIndex(of: ":"), !text[colon...].contains("/") {
            path = String(text[..<colon])
            tag = String(text[text.index(after: colon)...])
        }
        return try checked(path, tag, in: spec)
    }

    private static func splitFirstColon(_ text: String, in spec: String) throws(ImageSourceSpecError) -> (String, String?) {
        guard let colon = text.firstIndex(of: ":") else { return try checked(text, nil, in: spec) }
        return try checked(String(text[..<colon]), String(text[text.index(after: colon)...]), in: spec)
    }

    private static func checked(_ path: String, _ tag: String?, in spec: String) throws(ImageSourceSpecError) -> (String, String?) {
        guard !path.isEmpty else { throw .emptyPath(spec) }
        guard tag != "" else { throw .emptyTag(spec) }
        return (path, tag)
    }
}
