import OCIModel

/// One kept version of a selected file: its content per consumer (a cataloger, or the distro detection).
struct StoredFile: Sendable {
    var path: String
    var layer: Int
    var contents: [Int: [UInt8]]
}

/// One version of a symbolic link.
struct StoredLink: Sendable {
    var path: String
    var layer: Int
    var target: String
}

/// Everything a walk kept, frozen: every version (for `all-layers`) and the
/// topmost surviving version of each path (for `squashed`).
final class CapturedFiles: Sendable {
    /// Every kept version, in walk order (so layer order).
    let files: [StoredFile]
    /// The layer digests by layer index (`nil` for `dir:` and `file:`).
    let layers: [Digest?]
    /// Path → index into `files` of the squashed view.
    let squashedFiles: [String: Int]
    /// Path → every version's index into `files`, lowest layer first.
    let versions: [String: [Int]]
    /// Path → link target, after whiteouts.
    let squashedLinks: [String: String]
    /// Path → link target of the topmost version ever seen, deletions ignored.
    let allLinks: [String: String]

    init(files: [StoredFile], links: [StoredLink], topFile: [String: Int], topLink: [String: Int], layers: [Digest?]) {
        self.files = files
        self.layers = layers
        squashedFiles = topFile
        versions = Dictionary(grouping: files.indices, by: { files[$0].path })
        squashedLinks = topLink.mapValues { links[$0].target }
        allLinks = Dictionary(links.map { ($0.path, $0.target) }, uniquingKeysWith: { $1 })
    }
}
