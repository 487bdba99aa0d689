/// npm packages from lockfiles outside `node_modules`: `package-lock.json` (v1–v3),
/// `yarn.lock` (v1 and berry) and `pnpm-lock.yaml` (v5–v9).
public struct JavaScriptLockCataloger: Cataloger {
    /// Whether packages the lockfile marks as development-only are listed.
    public var includeDevDependencies: Bool

    public var name: String { "javascript-lock-cataloger" }

    public init(includeDevDependencies: Bool = true) {
        self.includeDevDependencies = includeDevDependencies
    }

    public var selectors: [FileSelector] { parsers.selectors }

    public func catalog(_ files: any FileResolver, context: CatalogContext) -> CatalogResult {
        parsers.catalog(files, context: context, foundBy: name)
    }

    private var parsers: ParserSet {
        let includeDev = includeDevDependencies
        return ParserSet([
            FileParser(matches: { NpmEntry.isLockfile($0, named: "package-lock.json") }) { file, environment throws(FileFormatError) in
                try PackageLockParser.parse(file, environment, includeDevDependencies: includeDev)
            },
            FileParser(matches: { NpmEntry.isLockfile($0, named: "yarn.lock") }, parse: YarnLockParser.parse),
            FileParser(matches: { NpmEntry.isLockfile($0, named: "pnpm-lock.yaml") }) { file, environment throws(FileFormatError) in
                try PnpmLockParser.parse(file, environment, includeDevDependencies: includeDev)
            },
        ])
    }
}
