/// Installed npm packages: the `package.json` at the top of every `node_modules/<name>`
/// and `node_modules/@scope/<name>` directory.
public struct JavaScriptPackageCataloger: Cataloger {
    public var name: String { "javascript-package-cataloger" }

    public init() {}

    public var selectors: [FileSelector] { Self.parsers.selectors }

    public func catalog(_ files: any FileResolver, context: CatalogContext) -> CatalogResult {
        Self.parsers.catalog(files, context: context, foundBy: name)
    }

    private static let parsers = ParserSet([
        FileParser(maxSize: PackageJSONParser.maxSize, matches: PackageJSONParser.matches, parse: PackageJSONParser.parse),
    ])
}
