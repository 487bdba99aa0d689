/// Debian packages from the dpkg database: `var/lib/dpkg/status` and the one-file-per-package
/// `var/lib/dpkg/status.d/*` of distroless images, with licenses from machine-readable
/// `usr/share/doc/<package>/copyright` files and installed files from `var/lib/dpkg/info/*.list`.
public struct DpkgCataloger: Cataloger {
    public var name: String { "dpkg-db-cataloger" }

    public init() {}

    public var selectors: [FileSelector] { Self.parsers.selectors }

    public func catalog(_ files: any FileResolver, context: CatalogContext) -> CatalogResult {
        Self.parsers.catalog(files, context: context, foundBy: name)
    }

    private static let parsers = ParserSet(
        [FileParser(matches: DpkgStatusParser.matches, parse: DpkgStatusParser.parse)],
        evidence: [
            FileSelector(.path(DpkgCopyrightParser.matches), maxSize: DpkgCopyrightParser.maxSize),
            FileSelector(.path(DpkgFileListParser.matches), maxSize: DpkgFileListParser.maxSize),
        ]
    )
}
