import Foundation

/// Rust crates compiled into binaries built with `cargo auditable`, from the ELF section
/// `.dep-v0`: zlib-compressed JSON `{"packages":[{"name","version","source","kind",
/// "dependencies":[index]}]}`. Shares its file selector with ``GoModuleBinaryCataloger``.
public struct CargoAuditableBinaryCataloger: Cataloger {
    public var name: String { "rust-cargo-auditable-binary-cataloger" }
    /// The most bytes the `.dep-v0` JSON may inflate to.
    public static let maxInflatedSize = 64 << 20

    public init() {}

    public var selectors: [FileSelector] { [ELFEvidence.selector] }

    public func catalog(_ files: any FileResolver, context: CatalogContext) -> CatalogResult {
        var result = CatalogResult()
        for file in files.files(where: { _ in true }) {
            guard let evidence = ELFEvidence.read(file) else { continue }
            if let problem = evidence.cargoProblem { result.warnings.append(CatalogWarning(path: file.path, message: problem)) }
            guard let section = evidence.cargoAuditable else { continue }
            do {
                result.packages += try packages(compressed: Array(section), location: file.location)
            } catch {
                result.warnings.append(CatalogWarning(path: file.path, message: "cargo-auditable data: \(error.description)"))
            }
        }
        result.packages.sort { $0.sortKey < $1.sortKey }
        return result
    }

    private struct AuditData: Decodable {
        struct Package: Decodable {
            var name: String
            var version: String
            var dependencies: [Int]?
        }

        var packages: [Package]
    }

    private func packages(compressed: [UInt8], location: PackageLocation) throws(FileFormatError) -> [CatalogPackage] {
        let json = try Inflater.decompress(compressed[...], wrapping: .zlib, limit: Self.maxInflatedSize)
        let data: AuditData
        do { data = try JSONDecoder().decode(AuditData.self, from: Data(json)) } catch {
            throw FileFormatError("invalid JSON: \(error)")
        }
        return data.packages.map { package in
            let dependencies = (package.dependencies ?? []).compactMap { data.packages.indices.contains($0) ? data.packages[$0].name : nil }
            return CargoPackage.make(name: package.name, version: package.version, dependsOn: dependencies, location: location, foundBy: name)
        }
    }
}
