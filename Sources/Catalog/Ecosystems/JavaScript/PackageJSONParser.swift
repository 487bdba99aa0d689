import OCIModel

/// Reads an installed package's `package.json` (`name`, `version`, `license`, `dependencies`).
/// Manifests without a name or version (private or workspace roots) are not packages.
enum PackageJSONParser {
    /// Manifests larger than this are skipped.
    static let maxSize = 4 << 20

    /// `…/node_modules/<name>/package.json` or `…/node_modules/@scope/<name>/package.json`.
    static func matches(_ path: String) -> Bool {
        let components = path.split(separator: "/")
        guard components.last == "package.json", let modules = components.lastIndex(of: "node_modules") else { return false }
        let below = components.count - modules - 1
        return below == 2 || (below == 3 && components[modules + 1].hasPrefix("@"))
    }

    static func parse(_ file: ResolvedFile, _ environment: ParseEnvironment) throws(FileFormatError) -> ParsedFile {
        let manifest = try JSONValue.parse(file)
        guard manifest.object != nil else { throw FileFormatError("package.json is not a JSON object") }
        var parsed = ParsedFile()
        guard let name = manifest["name"]?.string, !name.isEmpty, let version = manifest["version"]?.string, !version.isEmpty
        else { return parsed }
        let entry = NpmEntry(name: name, version: version, licenses: NpmEntry.licenses(manifest),
                             dependencies: manifest["dependencies"]?.sortedKeys ?? [])
        parsed.packages.append(entry.package(file: file, foundBy: environment.foundBy))
        return parsed
    }
}
