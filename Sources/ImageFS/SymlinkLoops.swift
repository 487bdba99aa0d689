import Catalog

/// Finds the symbolic links of a view that never resolve (loops), so the report can
/// say which were cut instead of silently missing their files.
enum SymlinkLoops {
    /// One warning per looping link, sorted by path.
    static func warnings(_ captured: CapturedFiles, scope: CatalogScope) -> [CatalogWarning] {
        let links = scope == .squashed ? captured.squashedLinks : captured.allLinks
        let resolver = SymlinkResolver(links: links)
        return links.keys.sorted().compactMap { path in
            resolver.resolve(path) == nil
                ? CatalogWarning(path: path, message: "symbolic link loop (more than \(SymlinkResolver.maxHops) links); not followed")
                : nil
        }
    }
}
