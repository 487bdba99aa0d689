import OCIModel

/// Reads npm's `package-lock.json`: the `packages` map of lockfile v2/v3 (keys
/// `node_modules/…`; the root `""` entry, workspace members and links are not packages)
/// or, for v1, the nested `dependencies` tree.
enum PackageLockParser {
    static let nodeModules = "node_modules/"

    static func parse(_ file: ResolvedFile, _ environment: ParseEnvironment,
                      includeDevDependencies: Bool) throws(FileFormatError) -> ParsedFile {
        let lock = try JSONValue.parse(file)
        var entries: [NpmEntry]
        if let packages = lock["packages"]?.object {
            entries = packagesMap(packages)
        } else if let dependencies = lock["dependencies"]?.object {
            entries = dependencyTree(dependencies)
        } else {
            throw FileFormatError("neither a 'packages' nor a 'dependencies' object")
        }
        if !includeDevDependencies { entries.removeAll(where: \.isDev) }
        var parsed = ParsedFile()
        parsed.packages = NpmEntry.unique(entries).map { $0.package(file: file, foundBy: environment.foundBy) }
        return parsed
    }

    /// Lockfile v2/v3 entries.
    private static func packagesMap(_ packages: [String: JSONValue]) -> [NpmEntry] {
        packages.keys.sorted().compactMap { key in
            guard let entry = packages[key], let modules = key.ranges(of: nodeModules).last,
                  modules.lowerBound == key.startIndex || key[key.index(before: modules.lowerBound)] == "/",
                  entry["link"]?.bool != true,
                  let version = entry["version"]?.string, !version.isEmpty
            else { return nil }
            return NpmEntry(
                name: entry["name"]?.string ?? String(key[modules.upperBound...]), version: version, licenses: NpmEntry.licenses(entry),
                dependencies: Array(Set((entry["dependencies"]?.sortedKeys ?? []) + (entry["optionalDependencies"]?.sortedKeys ?? []))).sorted(),
                isDev: entry["dev"]?.bool == true
            )
        }
    }

    /// Lockfile v1 entries, depth first.
    private static func dependencyTree(_ dependencies: [String: JSONValue]) -> [NpmEntry] {
        var entries: [NpmEntry] = []
        for name in dependencies.keys.sorted() {
            guard let entry = dependencies[name], let version = entry["version"]?.string, !version.isEmpty else { continue }
            entries.append(NpmEntry(name: name, version: version, dependencies: entry["requires"]?.sortedKeys ?? [],
                                    isDev: entry["dev"]?.bool == true))
            if let nested = entry["dependencies"]?.object { entries += dependencyTree(nested) }
        }
        return entries
    }
}
