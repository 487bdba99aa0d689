import ImageFS
import Catalog

/// A stand-in cataloger: every `*.pkg` file holds `NAME VERSION`, one package each;
/// `probes` are looked up with `file(at:)` and reported as packages named `probe:PATH`
/// (version = content), so tests see what a path resolves to.
struct PkgCataloger: Cataloger {
    let name = "test-pkg-cataloger"
    var extra: [FileSelector] = []
    var probes: [String] = []

    var selectors: [FileSelector] {
        [FileSelector(.path { $0.hasSuffix(".pkg") })] + extra
    }

    func catalog(_ files: any FileResolver, context: CatalogContext) -> CatalogResult {
        var result = CatalogResult()
        for file in files.files(where: { $0.hasSuffix(".pkg") }) {
            let fields = String(decoding: file.content, as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init)
            guard fields.count == 2 else {
                result.warnings.append(CatalogWarning(path: file.path, message: "expected 'NAME VERSION'"))
                continue
            }
            result.packages.append(package(fields[0], fields[1], file))
        }
        for probe in probes {
            guard let file = files.file(at: probe) else { continue }
            result.packages.append(package("probe:" + probe, String(decoding: file.content, as: UTF8.self).trimmed, file))
        }
        return result
    }

    private func package(_ name: String, _ version: String, _ file: ResolvedFile) -> CatalogPackage {
        CatalogPackage(name: name, version: version, type: .npm, purl: PURL(type: "npm", name: name, version: version),
                       locations: [file.location], foundBy: self.name)
    }
}

extension String {
    var trimmed: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

extension CatalogReport {
    /// `NAME VERSION` of every package, in report order.
    var pairs: [String] { packages.map { "\($0.name) \($0.version)" } }
}
