/// Rust crates from `Cargo.lock` files: every locked package (the workspace's own crates
/// included, as Syft does), `pkg:cargo/<name>@<version>`.
public struct RustCargoLockCataloger: Cataloger {
    public var name: String { "rust-cargo-lock-cataloger" }

    public init() {}

    public var selectors: [FileSelector] { Self.parsers.selectors }

    public func catalog(_ files: any FileResolver, context: CatalogContext) -> CatalogResult {
        Self.parsers.catalog(files, context: context, foundBy: name)
    }

    private static let parsers = ParserSet([
        FileParser(maxSize: 16 << 20, matches: { $0.hasSuffix("/Cargo.lock") }) { file, environment in
            var parsed = ParsedFile()
            var problems: [String] = []
            let locked = CargoLockParser.packages(in: String(decoding: file.content, as: UTF8.self), problems: &problems)
            problems.forEach { parsed.problem($0) }
            parsed.packages = locked.map { package in
                CargoPackage.make(name: package.name, version: package.version,
                                  dependsOn: package.dependencies.map { String($0.prefix { $0 != " " }) },
                                  location: file.location, foundBy: environment.foundBy)
            }
            return parsed
        },
    ])
}

/// How a Rust crate becomes a package, shared by the Cargo catalogers.
enum CargoPackage {
    /// `pkg:cargo/<name>@<version>`, CPE vendor and product both the crate name.
    static func make(name: String, version: String, dependsOn: [String], location: PackageLocation, foundBy: String) -> CatalogPackage {
        CatalogPackage(
            name: name, version: version, type: .cargo,
            purl: PURL(type: PackageType.cargo.rawValue, name: name, version: version),
            cpes: [CPE.application(vendor: name, product: name, version: version)],
            locations: [location], foundBy: foundBy, dependsOn: dependsOn
        )
    }
}
