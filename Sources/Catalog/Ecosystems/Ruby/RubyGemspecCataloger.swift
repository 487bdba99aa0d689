/// Installed Ruby gems from the `specifications/*.gemspec` files RubyGems writes.
public struct RubyGemspecCataloger: Cataloger {
    public var name: String { "ruby-installed-gemspec-cataloger" }

    public init() {}

    public var selectors: [FileSelector] { Self.parsers.selectors }

    public func catalog(_ files: any FileResolver, context: CatalogContext) -> CatalogResult {
        Self.parsers.catalog(files, context: context, foundBy: name)
    }

    private static let parsers = ParserSet([
        FileParser(maxSize: GemspecParser.maxSize, matches: GemspecParser.matches, parse: GemspecParser.parse),
    ])
}
