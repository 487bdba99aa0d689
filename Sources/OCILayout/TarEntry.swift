/// One member of a tar archive as ``TarReader`` indexed it: its name, kind and
/// where its bytes lie in the file (they are read only when asked for).
public struct TarEntry: Hashable, Sendable {
    /// What kind of member it is.
    public enum Kind: Hashable, Sendable {
        case regularFile
        case directory
        case symbolicLink
        case hardLink
        /// Devices, FIFOs, sparse files and other types, by their type flag.
        case other(UInt8)
    }

    /// The name normalised: no leading `/` or `./`, no empty or `.` components,
    /// no trailing `/`. `..` components are kept (see ``isSafe``).
    public let name: String
    public let kind: Kind
    /// Bytes of content (0 for links, directories and devices).
    public let size: Int64
    /// Permission bits.
    public let mode: UInt32
    /// The target of a symbolic or hard link.
    public let linkTarget: String?
    /// Where the entry's (first) header starts.
    public let headerOffset: Int64
    /// Where its content starts.
    public let dataOffset: Int64

    /// Whether the name stays inside the archive root (has no `..` component).
    public var isSafe: Bool { !TarPath.components(of: name).contains("..") }
}

/// Tar member names: normalisation and link resolution.
enum TarPath {
    /// The non-empty, non-`.` components of `path`.
    static func components(of path: String) -> [Substring] {
        path.split(separator: "/").filter { $0 != "." }
    }

    /// `path` without leading `/` or `./`, empty or `.` components or a trailing `/`.
    static func normalise(_ path: String) -> String {
        components(of: path).joined(separator: "/")
    }

    /// Resolves `..` in `path` against the archive root; `nil` if it climbs above it.
    static func resolve(_ path: String) -> String? {
        var result: [Substring] = []
        for component in components(of: path) {
            if component == ".." {
                guard result.popLast() != nil else { return nil }
            } else {
                result.append(component)
            }
        }
        return result.joined(separator: "/")
    }

    /// The directory part of a normalised name (`""` at the root).
    static func directory(of name: String) -> String {
        guard let slash = name.lastIndex(of: "/") else { return "" }
        return String(name[..<slash])
    }
}
