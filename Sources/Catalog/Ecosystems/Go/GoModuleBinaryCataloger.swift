/// Go modules compiled into ELF binaries, from each binary's build info: the main module,
/// every dependency module, and the standard library as the package `stdlib` at the
/// toolchain's version (so advisories against the Go toolchain match, as Syft does).
///
/// Shares its file selector with ``CargoAuditableBinaryCataloger``; problems with the
/// ELF structure itself are reported here (once per file), not there.
public struct GoModuleBinaryCataloger: Cataloger {
    public var name: String { "go-module-binary-cataloger" }

    public init() {}

    public var selectors: [FileSelector] { [ELFEvidence.selector] }

    public func catalog(_ files: any FileResolver, context: CatalogContext) -> CatalogResult {
        var result = CatalogResult()
        for file in files.files(where: { _ in true }) {
            guard let evidence = ELFEvidence.read(file) else { continue }
            if let problem = evidence.elfProblem { result.warnings.append(CatalogWarning(path: file.path, message: problem)) }
            if let problem = evidence.goProblem { result.warnings.append(CatalogWarning(path: file.path, message: problem)) }
            guard let buildInfo = evidence.goBuildInfo else { continue }
            var problems: [String] = []
            let modinfo = GoModInfo(parsing: buildInfo.modinfo, problems: &problems)
            result.packages += Self.packages(buildInfo: buildInfo, modinfo: modinfo, location: file.location, foundBy: name)
            if !problems.isEmpty {
                result.warnings.append(CatalogWarning(path: file.path, message: problems.prefix(ParsedFile.problemsListed).joined(separator: "; ")))
            }
        }
        result.packages.sort { $0.sortKey < $1.sortKey }
        return result
    }

    /// The packages of one binary: main module (its version kept as recorded, usually
    /// `(devel)`), dependencies (a module replacement stands in for the module it replaces;
    /// a local-directory replacement keeps the original path at `(devel)`), stdlib.
    static func packages(buildInfo: GoBuildInfo, modinfo: GoModInfo, location: PackageLocation, foundBy: String) -> [CatalogPackage] {
        var packages: [CatalogPackage] = []
        let dependencies = modinfo.dependencies.map(effective)
        if let main = modinfo.main {
            packages.append(package(path: main.path, version: main.version, location: location, foundBy: foundBy,
                                    dependsOn: dependencies.map(\.path) + [stdlibName]))
        }
        for dependency in dependencies {
            packages.append(package(path: dependency.path, version: dependency.version, location: location, foundBy: foundBy))
        }
        let goVersion = buildInfo.goVersion.split(separator: " ").first.map(String.init) ?? buildInfo.goVersion
        let purlVersion = goVersion.hasPrefix("go") ? String(goVersion.dropFirst(2)) : goVersion
        packages.append(CatalogPackage(
            name: stdlibName, version: goVersion, type: .golang,
            purl: PURL(type: PackageType.golang.rawValue, name: stdlibName, version: purlVersion),
            cpes: [CPE.application(vendor: "golang", product: "go", version: purlVersion)],
            licenses: ["BSD-3-Clause"], locations: [location], foundBy: foundBy
        ))
        return packages
    }

    /// The name of the standard library package.
    static let stdlibName = "stdlib"
    /// The version Go records for modules built from a local directory.
    static let develVersion = "(devel)"

    private static func effective(_ module: GoModInfo.Module) -> (path: String, version: String) {
        guard let replacement = module.replacement else { return (module.path, module.version) }
        if replacement.path.hasPrefix(".") || replacement.path.hasPrefix("/") { return (module.path, develVersion) }
        return (replacement.path, replacement.version ?? module.version)
    }

    /// A module package; the PURL namespace is the path without its last element
    /// (`pkg:golang/github.com/pkg/errors@v0.9.1`). The CPE's vendor is the path's
    /// second element on hosting sites (`github.com/<vendor>/<product>`), otherwise the
    /// last element is both vendor and product.
    private static func package(path: String, version: String, location: PackageLocation, foundBy: String,
                                dependsOn: [String] = []) -> CatalogPackage {
        let elements = path.split(separator: "/").map(String.init)
        let name = elements.last ?? path
        let namespace = elements.dropLast().joined(separator: "/")
        let vendor = elements.count >= 3 ? elements[1] : name
        let product = elements.count >= 3 ? elements[2] : name
        return CatalogPackage(
            name: path, version: version, type: .golang,
            purl: PURL(type: PackageType.golang.rawValue, namespace: namespace, name: name, version: version),
            cpes: [CPE.application(vendor: vendor, product: product, version: version)],
            locations: [location], foundBy: foundBy, dependsOn: dependsOn
        )
    }
}
