/// Alpine packages from apk's database, `lib/apk/db/installed`.
public struct ApkCataloger: Cataloger {
    public var name: String { "apk-db-cataloger" }

    public init() {}

    public var selectors: [FileSelector] { Self.parsers.selectors }

    public func catalog(_ files: any FileResolver, context: CatalogContext) -> CatalogResult {
        Self.parsers.catalog(files, context: context, foundBy: name)
    }

    private static let parsers = ParserSet([FileParser(matches: ApkInstalledParser.matches, parse: ApkInstalledParser.parse)])
}
