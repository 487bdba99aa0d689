/// Installed Python distributions: `*.dist-info/METADATA` (wheels), `*.egg-info/PKG-INFO`
/// and single-file `*.egg-info` (eggs), with the `RECORD` next to a dist-info's
/// `METADATA` as file evidence.
public struct PythonInstalledCataloger: Cataloger {
    public var name: String { "python-installed-package-cataloger" }

    public init() {}

    public var selectors: [FileSelector] { Self.parsers.selectors }

    public func catalog(_ files: any FileResolver, context: CatalogContext) -> CatalogResult {
        Self.parsers.catalog(files, context: context, foundBy: name)
    }

    private static let parsers = ParserSet(
        [FileParser(maxSize: PythonMetadataParser.maxSize, matches: PythonMetadataParser.matches, parse: PythonMetadataParser.parse)],
        evidence: [FileSelector(.path(PythonMetadataParser.isRecord), maxSize: PythonMetadataParser.maxSize)]
    )
}
