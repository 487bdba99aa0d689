/// Absolute paths inside an image root.
enum ImagePath {
    /// An archive member name as an absolute path: `./usr/bin/` → `/usr/bin`, `a/./b` → `/a/b`,
    /// `a/../b` → `/b`; `nil` when `..` would climb above the root (such entries are refused).
    static func normalize(_ name: String) -> String? {
        var parts: [Substring] = []
        for part in name.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The directory holding `path` (`/` for `/` and top-level entries).
    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// The last component of `path`.
    static func lastComponent(_ path: String) -> Substring {
        guard let slash = path.lastIndex(of: "/") else { return path[...] }
        return path[path.index(after: slash)...]
    }

    /// `name` inside directory `directory`.
    static func child(_ directory: String, _ name: some StringProtocol) -> String {
        directory == "/" ? "/" + name : directory + "/" + name
    }

    /// Whether `path` lies strictly below `directory`.
    static func isBelow(_ path: String, _ directory: String) -> Bool {
        if directory == "/" { return path != "/" }
        return path.count > directory.count && path.hasPrefix(directory) && path.utf8.dropFirst(directory.utf8.count).first == UInt8(ascii: "/")
    }
}
