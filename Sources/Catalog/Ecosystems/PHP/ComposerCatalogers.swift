/// PHP packages from Composer's `composer.lock` (`packages` and `packages-dev`).
public struct ComposerLockCataloger: Cataloger {
    public var name: String { "php-composer-lock-cataloger" }

    public init() {}

    public var selectors: [FileSelector] { Self.parsers.selectors }

    public func catalog(_ files: any FileResolver, context: CatalogContext) -> CatalogResult {
        Self.parsers.catalog(files, context: context, foundBy: name)
    }

    private static let parsers = ParserSet([
        FileParser(matches: { $0.lastPathComponent == "composer.lock" }, parse: ComposerParser.parseLock),
    ])
}

/// Installed PHP packages from `vendor/composer/installed.json` (Composer 1's array and
/// Composer 2's `{"packages": [...]}`).
public struct ComposerInstalledCataloger: Cataloger {
    public var name: String { "php-composer-installed-cataloger" }

    public init() {}

    public var selectors: [FileSelector] { Self.parsers.selectors }

    public func catalog(_ files: any FileResolver, context: CatalogContext) -> CatalogResult {
        Self.parsers.catalog(files, context: context, foundBy: name)
    }

    private static let parsers = ParserSet([
        FileParser(matches: { $0.hasSuffix("/vendor/composer/installed.json") }, parse: ComposerParser.parseInstalled),
    ])
}
