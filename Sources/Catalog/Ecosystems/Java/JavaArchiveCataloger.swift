/// Java packages from archives (`.jar`, `.war`, `.ear`, `.par`, `.sar`, `.jpi`, `.hpi`),
/// including archives nested in them, each reduced while it is read to a
/// ``JavaArchiveSummary``.
///
/// Each `pom.properties` is one package (`pkg:maven/<groupId>/<artifactId>@<version>`).
/// An archive without any (with an artifact id and version) is one package named after its file (`name-1.2.3.jar`, else
/// `Implementation-Title` or `Bundle-SymbolicName`), versioned by `Implementation-Version`,
/// `Specification-Version`, `Bundle-Version` or the file name, grouped by
/// `Implementation-Vendor-Id`, the `Bundle-SymbolicName` without its last element, or
/// else its own name (as Syft does). Packages of nested archives are located at the
/// outer file, the one that exists in the image.
public struct JavaArchiveCataloger: Cataloger {
    public var name: String { "java-archive-cataloger" }
    /// The bounds on archive size, nesting and inflation.
    public let limits: JavaArchiveLimits

    public init(limits: JavaArchiveLimits = JavaArchiveLimits()) {
        self.limits = limits
    }

    public var selectors: [FileSelector] {
        let limits = limits
        return [FileSelector(.path(JavaArchiveReader.isArchive), maxSize: limits.maxArchiveSize) { _, content in
            ReducedEvidence.encode(JavaArchiveReader.summarize(content, limits: limits), marker: JavaArchiveSummary.marker)
        }]
    }

    public func catalog(_ files: any FileResolver, context: CatalogContext) -> CatalogResult {
        var result = CatalogResult()
        for file in files.files(where: JavaArchiveReader.isArchive) {
            let summary = ReducedEvidence.decode(JavaArchiveSummary.self, from: file.content, marker: JavaArchiveSummary.marker)
                ?? JavaArchiveReader.summarize(file.content, limits: limits)
            collect(summary, fileName: file.path.lastPathComponent, inside: "", file: file, into: &result)
        }
        result.packages.sort { $0.sortKey < $1.sortKey }
        return result
    }

    /// Adds the packages and problems of `summary` and its nested archives; `inside` is
    /// the chain of nested entry paths (`BOOT-INF/lib/a.jar:`) prefixed to problems.
    private func collect(_ summary: JavaArchiveSummary, fileName: String, inside: String, file: ResolvedFile, into result: inout CatalogResult) {
        for problem in summary.problems {
            result.warnings.append(CatalogWarning(path: file.path, message: inside + problem))
        }
        result.packages += packages(of: summary, fileName: fileName, location: file.location)
        for nested in summary.nested {
            collect(nested.archive, fileName: nested.path.lastPathComponent, inside: inside + nested.path + ": ", file: file, into: &result)
        }
    }

    private func packages(of summary: JavaArchiveSummary, fileName: String, location: PackageLocation) -> [CatalogPackage] {
        let (fileStem, fileVersion) = Self.nameAndVersion(fromFileName: fileName)
        let license = summary.manifest["Bundle-License"].map { [LicenseNames.spdx($0)] } ?? []
        var seen = Set<String>()
        var packages: [CatalogPackage] = []
        let poms = summary.pomProperties.filter { !$0.artifactId.isEmpty && !$0.version.isEmpty }
        for pom in poms {
            let group = pom.groupId.isEmpty ? pom.artifactId : pom.groupId
            guard seen.insert("\(group)/\(pom.artifactId)@\(pom.version)").inserted else { continue }
            packages.append(package(group: group, artifact: pom.artifactId, version: pom.version,
                                    licenses: pom.artifactId == fileStem ? license : [], location: location))
        }
        guard poms.isEmpty, summary.isReadable else { return packages }
        let manifest = summary.manifest
        let symbolicName = manifest["Bundle-SymbolicName"].map { String($0.prefix { $0 != ";" }).trimmed }
        let artifact = [fileStem, manifest["Implementation-Title"], symbolicName].compactMap { $0 }.first { !$0.isEmpty }
        guard let artifact else { return [] }
        let version = [manifest["Implementation-Version"], manifest["Specification-Version"], manifest["Bundle-Version"], fileVersion]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let symbolicGroup = symbolicName.flatMap { name in name.lastIndex(of: ".").map { String(name[..<$0]) } }
        let group = [manifest["Implementation-Vendor-Id"], symbolicGroup].compactMap { $0 }.first { !$0.isEmpty } ?? artifact
        return [package(group: group, artifact: artifact, version: version, licenses: license, location: location)]
    }

    /// A Maven package. The CPE vendor is the group's second element (`org.apache.commons`
    /// → `apache`), or the artifact when the group has fewer; the product is the artifact.
    private func package(group: String, artifact: String, version: String, licenses: [String], location: PackageLocation) -> CatalogPackage {
        let groupElements = group.split(separator: ".")
        let vendor = groupElements.count >= 2 ? String(groupElements[1]) : artifact
        return CatalogPackage(
            name: artifact, version: version, type: .maven,
            purl: PURL(type: PackageType.maven.rawValue, namespace: group, name: artifact, version: version),
            cpes: [CPE.application(vendor: vendor, product: artifact, version: version)],
            licenses: licenses, locations: [location], foundBy: name
        )
    }

    /// `commons-lang3-3.12.0.jar` → (`commons-lang3`, `3.12.0`): the version starts at the
    /// first `-` followed by a digit; `app.jar` → (`app`, nil).
    static func nameAndVersion(fromFileName fileName: String) -> (name: String, version: String?) {
        let stem = fileName.lastIndex(of: ".").map { String(fileName[..<$0]) } ?? fileName
        var index = stem.startIndex
        while let dash = stem[index...].firstIndex(of: "-") {
            let next = stem.index(after: dash)
            if next < stem.endIndex, stem[next].isASCII, stem[next].isNumber {
                return (String(stem[..<dash]), String(stem[next...]))
            }
            index = next
        }
        return (stem, nil)
    }
}
