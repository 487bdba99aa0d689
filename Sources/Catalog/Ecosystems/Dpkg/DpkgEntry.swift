/// One installed Debian package as the status file describes it, and how it becomes
/// a ``CatalogPackage``: its PURL and CPE.
struct DpkgEntry: Sendable {
    var name: String
    var version: String
    var architecture: String?
    var sourceName: String?
    var sourceVersion: String?
    var depends: [String]

    func package(statusFile: ResolvedFile, environment: ParseEnvironment) -> CatalogPackage {
        var locations = [statusFile.location]
        var licenses: [String] = []
        if let copyright = DpkgCopyrightParser.file(for: name, in: environment.files) {
            licenses = DpkgCopyrightParser.licenses(in: copyright)
            locations.append(copyright.location)
        }
        var files: [String] = []
        if let list = DpkgFileListParser.file(for: name, architecture: architecture, in: environment.files) {
            files = DpkgFileListParser.paths(in: list)
            locations.append(list.location)
        }
        return CatalogPackage(
            name: name, version: version, type: .deb, purl: purl(distro: environment.context.distro),
            cpes: [CPE.application(vendor: name, product: name, version: version)],
            licenses: licenses, locations: locations,
            sourceName: sourceName ?? name, sourceVersion: sourceVersion ?? version,
            foundBy: environment.foundBy, dependsOn: depends, files: files
        )
    }

    /// `pkg:deb/<distro id>/<name>@<version>?arch=<arch>&distro=<id>-<version id>`, with
    /// `upstream=<source>[@<source version>]` when the status file names a different source
    /// (as Syft does). Without a detected distro the namespace is `debian` and there is no
    /// `distro` qualifier.
    func purl(distro: Distro?) -> PURL {
        var qualifiers: [String: String] = [:]
        qualifiers["arch"] = architecture
        qualifiers["distro"] = distro?.purlQualifier
        if let sourceName, sourceName != name || sourceVersion != nil {
            qualifiers["upstream"] = sourceVersion.map { "\(sourceName)@\($0)" } ?? sourceName
        }
        return PURL(type: PackageType.deb.rawValue, namespace: distro?.id ?? "debian", name: name,
                    version: version, qualifiers: qualifiers)
    }
}
