/// Resolves paths through an image's symbolic links without ever leaving its root:
/// absolute targets start again at the image root, `..` stops at `/`, and more than
/// ``maxHops`` links in one resolution is a loop (as Linux's `ELOOP` after 40).
struct SymlinkResolver: Sendable {
    /// The most links followed while resolving one path.
    static let maxHops = 40

    /// Path → target as archived.
    let links: [String: String]

    /// The path `path` leads to with every link (including the last component) followed;
    /// `nil` when it loops.
    func resolve(_ path: String) -> String? {
        var pending = Array(path.split(separator: "/").reversed())
        var resolved: [Substring] = []
        var hops = 0
        while let part = pending.popLast() {
            if part == "." { continue }
            if part == ".." {
                if !resolved.isEmpty { resolved.removeLast() }
                continue
            }
            resolved.append(part)
            guard !links.isEmpty, let target = links["/" + resolved.joined(separator: "/")] else { continue }
            hops += 1
            if hops > Self.maxHops { return nil }
            resolved.removeLast()
            if target.hasPrefix("/") { resolved.removeAll() }
            pending += target.split(separator: "/").reversed()
        }
        return "/" + resolved.joined(separator: "/")
    }
}
