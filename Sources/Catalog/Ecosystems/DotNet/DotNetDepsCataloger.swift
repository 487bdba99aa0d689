/// .NET packages from the `*.deps.json` files next to built applications.
public struct DotNetDepsCataloger: Cataloger {
    public var name: String { "dotnet-deps-cataloger" }

    public init() {}

    public var selectors: [FileSelector] { Self.parsers.selectors }

    public func catalog(_ files: any FileResolver, context: CatalogContext) -> CatalogResult {
        Self.parsers.catalog(files, context: context, foundBy: name)
    }

    private static let parsers = ParserSet([
        FileParser(matches: { $0.hasSuffix(".deps.json") }, parse: DepsJSONParser.parse),
    ])
}
