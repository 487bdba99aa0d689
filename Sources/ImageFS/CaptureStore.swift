import Catalog
import OCIModel

/// What a walk keeps, applied layer after layer: selected files (their reduced
/// content per consumer), every symbolic link, and the hard links to kept files.
/// It never holds an index of the whole image: an entry that is not kept only costs
/// a lookup, to see whether it hides something kept from a lower layer.
final class CaptureStore {
    private var files: [StoredFile] = []
    private var links: [StoredLink] = []
    /// The topmost surviving version of each kept path (the squashed view).
    private var topFile: [String: Int] = [:]
    private var topLink: [String: Int] = [:]
    /// Every directory that ever held a kept path, so that deleting a subtree only
    /// scans the kept paths when there can be something below.
    private var ancestors: Set<String> = []
    private(set) var warnings: [CatalogWarning] = []

    /// An entry at `path` in `layer`: it replaces a lower file or link at `path`, and
    /// unless it is a directory, everything below `path` too.
    func replace(_ path: String, layer: Int, isDirectory: Bool) {
        topFile.removeValue(forKey: path)
        topLink.removeValue(forKey: path)
        if !isDirectory { dropSubtree(path, below: layer + 1) }
    }

    /// A whiteout `.wh.NAME` in `layer`: `path` and its subtree from lower layers are deleted.
    func whiteout(_ path: String, layer: Int) {
        if let index = topFile[path], files[index].layer < layer { topFile.removeValue(forKey: path) }
        if let index = topLink[path], links[index].layer < layer { topLink.removeValue(forKey: path) }
        dropSubtree(path, below: layer)
    }

    /// An opaque marker `.wh..wh..opq` in `directory`: everything lower in it is hidden.
    func opaque(_ directory: String, layer: Int) {
        dropSubtree(directory, below: layer)
    }

    /// A selected regular file.
    func addFile(_ path: String, layer: Int, contents: [Int: [UInt8]]) {
        guard !contents.isEmpty else { return }
        topFile[path] = files.count
        files.append(StoredFile(path: path, layer: layer, contents: contents))
        noteAncestors(of: path)
    }

    /// A symbolic link, its target as archived.
    func addSymlink(_ path: String, layer: Int, target: String) {
        topLink[path] = links.count
        links.append(StoredLink(path: path, layer: layer, target: target))
        noteAncestors(of: path)
    }

    /// A hard link at `path` to the (earlier) member `target`: kept when the target is.
    func addHardLink(_ path: String, layer: Int, target: String) {
        if let index = topFile[target] {
            addFile(path, layer: layer, contents: files[index].contents)
        } else if let index = topLink[target] {
            addSymlink(path, layer: layer, target: links[index].target)
        }
    }

    func warn(_ path: String?, _ message: String) {
        warnings.append(CatalogWarning(path: path, message: message))
    }

    /// The final state, for resolvers.
    func snapshot(layers: [Digest?]) -> CapturedFiles {
        CapturedFiles(files: files, links: links, topFile: topFile, topLink: topLink, layers: layers)
    }

    /// Removes kept paths strictly below `directory` that came from layers before `layer`.
    private func dropSubtree(_ directory: String, below layer: Int) {
        guard ancestors.contains(directory) else { return }
        topFile = topFile.filter { !(ImagePath.isBelow($0.key, directory) && files[$0.value].layer < layer) }
        topLink = topLink.filter { !(ImagePath.isBelow($0.key, directory) && links[$0.value].layer < layer) }
    }

    private func noteAncestors(of path: String) {
        var directory = ImagePath.parent(path)
        while ancestors.insert(directory).inserted, directory != "/" {
            directory = ImagePath.parent(directory)
        }
    }
}
