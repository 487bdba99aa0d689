/// Resolves paths through an image's symbolic links without ever leaving its root:
/// absolute targets start again at the image root, `..` stops at `/`, and more than
/// ``maxHops`` links in one resolution is a loop (as Linux's `ELOOP` after 40).
///
/// The links are kept as a tree of path components, and a resolution walks it one
/// component at a time alongside the path, so resolving is linear in the length of the
/// path and the targets followed (a 64 KiB target is 32 768 steps, not 32 768 lookups
/// of ever longer paths).
struct SymlinkResolver: Sendable {
    /// The most links followed while resolving one path.
    static let maxHops = 40

    /// One path component in the tree of link paths.
    private struct Node: Sendable {
        var children: [Substring: Int] = [:]
        /// The target as archived, when this path is a link.
        var target: String?
    }

    /// The tree; `nodes[0]` is `/`.
    private var nodes = [Node()]

    /// A resolver over `links` (absolute normalised path → target as archived).
    init(links: [String: String]) {
        for (path, target) in links {
            var node = 0
            for part in path.split(separator: "/") {
                if let child = nodes[node].children[part] {
                    node = child
                } else {
                    nodes.append(Node())
                    nodes[node].children[part] = nodes.count - 1
                    node = nodes.count - 1
                }
            }
            nodes[node].target = target
        }
    }

    /// The path `path` leads to with every link (including the last component) followed;
    /// `nil` when it loops.
    func resolve(_ path: String) -> String? {
        var pending = Array(path.split(separator: "/").reversed())
        var resolved: [Substring] = []
        /// The tree node of each resolved component; `nil` once below every link.
        var trail: [Int?] = []
        var hops = 0
        while let part = pending.popLast() {
            if part == "." { continue }
            if part == ".." {
                if !resolved.isEmpty {
                    resolved.removeLast()
                    trail.removeLast()
                }
                continue
            }
            let parent: Int? = resolved.isEmpty ? 0 : trail[trail.count - 1]
            let node = parent.flatMap { nodes[$0].children[part] }
            guard let node, let target = nodes[node].target else {
                resolved.append(part)
                trail.append(node)
                continue
            }
            hops += 1
            if hops > Self.maxHops { return nil }
            if target.hasPrefix("/") {
                resolved.removeAll()
                trail.removeAll()
            }
            pending += target.split(separator: "/").reversed()
        }
        return "/" + resolved.joined(separator: "/")
    }
}
