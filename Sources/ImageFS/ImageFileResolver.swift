import Catalog
import OCIModel

/// The files one consumer selected, in one ``CatalogScope``: what a cataloger is handed.
struct ImageFileResolver: FileResolver {
    let captured: CapturedFiles
    let consumer: Int
    let scope: CatalogScope
    /// The links of the scope, built once for every lookup.
    let symlinks: SymlinkResolver

    init(captured: CapturedFiles, consumer: Int, scope: CatalogScope) {
        self.captured = captured
        self.consumer = consumer
        self.scope = scope
        symlinks = SymlinkResolver(links: scope == .squashed ? captured.squashedLinks : captured.allLinks)
    }

    /// The file `path` leads to (links followed inside the root): in `squashed` the surviving
    /// version, in `all-layers` the topmost one. Its `path` is the file's real path.
    func file(at path: String) -> ResolvedFile? {
        guard let real = symlinks.resolve(path) else { return nil }
        switch scope {
        case .squashed:
            return captured.squashedFiles[real].flatMap(resolved)
        case .allLayers:
            return captured.versions[real]?.reversed().lazy.compactMap(resolved).first
        }
    }

    /// The files whose real path satisfies `predicate`, by path then layer.
    func files(where predicate: (String) -> Bool) -> [ResolvedFile] {
        var found: [(path: String, index: Int)] = []
        switch scope {
        case .squashed:
            for (path, index) in captured.squashedFiles where predicate(path) { found.append((path, index)) }
        case .allLayers:
            for (path, indices) in captured.versions where predicate(path) {
                found += indices.map { (path, $0) }
            }
        }
        found.sort { ($0.path, $0.index) < ($1.path, $1.index) }
        return found.compactMap { resolved($0.index) }
    }

    private func resolved(_ index: Int) -> ResolvedFile? {
        let file = captured.files[index]
        guard let content = file.contents[consumer] else { return nil }
        return ResolvedFile(path: file.path, layer: captured.layers[file.layer], content: content)
    }
}
