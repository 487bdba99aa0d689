/// Installed RPM packages from the rpm database (`/var/lib/rpm`, on newer systems
/// `/usr/lib/sysimage/rpm`, on ostree-based ones `/usr/share/rpm`). SQLite databases are read (see ``RPMSQLiteReader``);
/// Berkeley DB (`Packages`) and ndb (`Packages.db`) databases give a warning that their
/// format is not supported (unless an `rpmdb.sqlite` beside them was read, as after a
/// database conversion), so an image's RPM packages are never silently missing.
public struct RPMDBCataloger: Cataloger {
    public var name: String { "rpm-db-cataloger" }
    /// The largest database file read.
    public static let maxDatabaseSize = 1 << 30
    /// Where rpm keeps its database.
    static let databaseDirectories = ["/var/lib/rpm/", "/usr/lib/sysimage/rpm/", "/usr/share/rpm/"]

    public init() {}

    static func isDatabase(_ path: String) -> Bool {
        databaseDirectories.contains { path.hasPrefix($0) && !path.dropFirst($0.count).contains("/") }
            && RPMDatabaseSummary.Format(path: path) != nil
    }

    public var selectors: [FileSelector] {
        [FileSelector(.path(Self.isDatabase), maxSize: Self.maxDatabaseSize) { path, content in
            ReducedEvidence.encode(Self.summarize(path: path, content: content), marker: RPMDatabaseSummary.marker)
        }]
    }

    /// The summary of the database at `path`: read for SQLite, only its format otherwise.
    static func summarize(path: String, content: [UInt8]) -> RPMDatabaseSummary {
        guard let format = RPMDatabaseSummary.Format(path: path) else { return RPMDatabaseSummary(format: .sqlite) }
        guard format == .sqlite else { return RPMDatabaseSummary(format: format) }
        return RPMSQLiteReader.summarize(content)
    }

    public func catalog(_ files: any FileResolver, context: CatalogContext) -> CatalogResult {
        var result = CatalogResult()
        let databases = files.files(where: Self.isDatabase)
        let sqliteDirectories = Set(databases.filter { RPMDatabaseSummary.Format(path: $0.path) == .sqlite }.map(\.path.parentPath))
        for file in databases {
            let summary = ReducedEvidence.decode(RPMDatabaseSummary.self, from: file.content, marker: RPMDatabaseSummary.marker)
                ?? Self.summarize(path: file.path, content: file.content)
            if summary.format != .sqlite, !sqliteDirectories.contains(file.path.parentPath) {
                result.warnings.append(CatalogWarning(path: file.path, message:
                    "rpm database format \(summary.format.rawValue) is not supported (only rpmdb.sqlite is read); its packages are not listed"))
            }
            var problems = summary.problems
            if summary.moreProblems > 0 { problems.append("and \(summary.moreProblems) more problems") }
            if !problems.isEmpty { result.warnings.append(CatalogWarning(path: file.path, message: problems.joined(separator: "; "))) }
            result.packages += summary.packages.map { package($0, location: file.location, distro: context.distro) }
        }
        result.packages.sort { $0.sortKey < $1.sortKey }
        return result
    }

    /// A package: version `[epoch:]version-release`; PURL
    /// `pkg:rpm/<distro id>/<name>@<version>-<release>?arch=<arch>&epoch=<epoch>&distro=<id>-<version id>`;
    /// the source package from `SOURCERPM` (`bash-5.1.8-6.el9.src.rpm` → `bash`, `5.1.8-6.el9`);
    /// a one-word license mapped to its SPDX identifier (`GPLv3+` → `GPL-3.0-or-later`),
    /// an expression kept as written.
    func package(_ record: RPMDatabaseSummary.Record, location: PackageLocation, distro: Distro?) -> CatalogPackage {
        let versionRelease = record.release.isEmpty ? record.version : "\(record.version)-\(record.release)"
        let version = record.epoch.map { "\($0):\(versionRelease)" } ?? versionRelease
        var qualifiers: [String: String] = [:]
        qualifiers["arch"] = record.arch
        qualifiers["epoch"] = record.epoch.map(String.init)
        qualifiers["distro"] = distro?.purlQualifier
        let source = record.sourceRPM.flatMap(Self.sourcePackage)
        let licenses = record.license.map { $0.contains(" ") ? [$0] : [LicenseNames.spdx($0)] } ?? []
        return CatalogPackage(
            name: record.name, version: version, type: .rpm,
            purl: PURL(type: PackageType.rpm.rawValue, namespace: distro?.id, name: record.name, version: versionRelease,
                       qualifiers: qualifiers),
            cpes: [CPE.application(vendor: record.name, product: record.name, version: versionRelease)],
            licenses: licenses, locations: [location], sourceName: source?.name, sourceVersion: source?.version,
            foundBy: name
        )
    }

    /// `name-version-release.src.rpm` → (name, version-release).
    static func sourcePackage(_ sourceRPM: String) -> (name: String, version: String)? {
        var stem = Substring(sourceRPM)
        for suffix in [".rpm", ".src", ".nosrc"] where stem.hasSuffix(suffix) { stem = stem.dropLast(suffix.count) }
        guard let releaseDash = stem.lastIndex(of: "-"),
              let versionDash = stem[..<releaseDash].lastIndex(of: "-"), versionDash > stem.startIndex else { return nil }
        return (String(stem[..<versionDash]), String(stem[stem.index(after: versionDash)...]))
    }
}
