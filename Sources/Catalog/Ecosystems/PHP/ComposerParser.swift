import OCIModel

/// Reads Composer package lists: each entry's `name` (`vendor/name`), `version`,
/// `license` and `require` (platform requirements such as `php` and `ext-*` left out).
enum ComposerParser {
    static func parseLock(_ file: ResolvedFile, _ environment: ParseEnvironment) throws(FileFormatError) -> ParsedFile {
        let lock = try JSONValue.parse(file)
        guard lock["packages"]?.array != nil || lock["packages-dev"]?.array != nil else {
            throw FileFormatError("no 'packages' array")
        }
        return packages((lock["packages"]?.array ?? []) + (lock["packages-dev"]?.array ?? []), file: file, environment: environment)
    }

    static func parseInstalled(_ file: ResolvedFile, _ environment: ParseEnvironment) throws(FileFormatError) -> ParsedFile {
        let installed = try JSONValue.parse(file)
        guard let entries = installed.array ?? installed["packages"]?.array else {
            throw FileFormatError("neither an array nor an object with a 'packages' array")
        }
        return packages(entries, file: file, environment: environment)
    }

    private static func packages(_ entries: [JSONValue], file: ResolvedFile, environment: ParseEnvironment) -> ParsedFile {
        var parsed = ParsedFile()
        for (index, entry) in entries.enumerated() {
            guard let fullName = entry["name"]?.string, let slash = fullName.firstIndex(of: "/"),
                  let version = entry["version"]?.string, !version.isEmpty
            else {
                parsed.problem("package #\(index + 1): no 'vendor/name' name or no version")
                continue
            }
            let vendor = String(fullName[..<slash])
            let name = String(fullName[fullName.index(after: slash)...])
            let license = entry["license"]
            let licenses = (license?.array ?? [license].compactMap { $0 }).compactMap(\.string)
            parsed.packages.append(CatalogPackage(
                name: fullName, version: version, type: .composer,
                purl: PURL(type: PackageType.composer.rawValue, namespace: vendor, name: name, version: version),
                cpes: [CPE.application(vendor: vendor, product: name, version: version)],
                licenses: licenses, locations: [file.location], foundBy: environment.foundBy,
                dependsOn: (entry["require"]?.sortedKeys ?? []).filter { !isPlatformRequirement($0) }
            ))
        }
        return parsed
    }

    /// `php`, `php-64bit`, `ext-json`, `lib-icu`, `composer-plugin-api`: provided by the platform.
    private static func isPlatformRequirement(_ name: String) -> Bool {
        !name.contains("/")
    }
}
