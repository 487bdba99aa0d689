import OCIModel

/// Reads a `.deps.json`: the `libraries` of type `package` (keys `Name/Version`), with
/// dependencies from the matching entries of its `targets`.
enum DepsJSONParser {
    static func parse(_ file: ResolvedFile, _ environment: ParseEnvironment) throws(FileFormatError) -> ParsedFile {
        let document = try JSONValue.parse(file)
        guard let libraries = document["libraries"]?.object else { throw FileFormatError("no 'libraries' object") }
        let targets = document["targets"]?.object?.values.compactMap(\.object) ?? []
        var parsed = ParsedFile()
        for key in libraries.keys.sorted() where libraries[key]?["type"]?.string == "package" {
            guard let slash = key.firstIndex(of: "/"), slash > key.startIndex, key.index(after: slash) < key.endIndex else {
                parsed.problem("library '\(key.prefix(60))' is not 'Name/Version'")
                continue
            }
            let name = String(key[..<slash])
            let version = String(key[key.index(after: slash)...])
            let dependencies = Set(targets.flatMap { $0[key]?["dependencies"]?.sortedKeys ?? [] }).sorted()
            parsed.packages.append(CatalogPackage(
                name: name, version: version, type: .nuget,
                purl: PURL(type: PackageType.nuget.rawValue, name: name, version: version),
                cpes: [CPE.application(vendor: name, product: name, version: version)],
                locations: [file.location], foundBy: environment.foundBy, dependsOn: dependencies
            ))
        }
        return parsed
    }
}
