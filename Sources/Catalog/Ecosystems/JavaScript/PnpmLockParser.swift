/// Reads `pnpm-lock.yaml`: the keys of its `packages` section (`/name/1.0.0` in v5,
/// `/name@1.0.0(peer@2)` in v6, `name@1.0.0` in v9), `dev: true` flags (v5/v6), and
/// dependencies from each entry or, in v9, from the `snapshots` section.
enum PnpmLockParser {
    static func parse(_ file: ResolvedFile, _ environment: ParseEnvironment,
                      includeDevDependencies: Bool) throws(FileFormatError) -> ParsedFile {
        let document = IndentedTree.parse(try file.lines())
        guard let lockfileVersion = document.first(where: { $0.key == "lockfileVersion" })?.value else {
            throw FileFormatError("no lockfileVersion")
        }
        let slashSeparated = lockfileVersion.hasPrefix("5")
        var parsed = ParsedFile()
        var dependencies: [String: [String]] = [:]
        for section in ["packages", "snapshots"] {
            for node in document.first(where: { $0.key == section })?.children ?? [] {
                guard let (name, version) = nameAndVersion(node.key, slashSeparated: slashSeparated) else { continue }
                let names = ["dependencies", "optionalDependencies"].flatMap { node.child($0)?.children.map(\.key) ?? [] }
                dependencies[name + "@" + version, default: []] += names
            }
        }
        var entries: [NpmEntry] = []
        for node in document.first(where: { $0.key == "packages" })?.children ?? [] {
            guard let (name, version) = nameAndVersion(node.key, slashSeparated: slashSeparated) else {
                parsed.problem("line \(node.line): cannot read a name and version from '\(node.key.prefix(60))'")
                continue
            }
            let isDev = node.child("dev")?.value == "true"
            if isDev, !includeDevDependencies { continue }
            let depends = Array(Set(dependencies[name + "@" + version] ?? [])).sorted()
            entries.append(NpmEntry(name: name, version: version, dependencies: depends, isDev: isDev))
        }
        parsed.packages = NpmEntry.unique(entries).map { $0.package(file: file, foundBy: environment.foundBy) }
        return parsed
    }

    /// The name and version of a `packages`/`snapshots` key, without peer-dependency suffixes.
    static func nameAndVersion(_ key: String, slashSeparated: Bool) -> (String, String)? {
        var text = Substring(key)
        if text.hasPrefix("/") { text = text.dropFirst() }
        if let peers = text.firstIndex(of: "(") { text = text[..<peers] }
        let separator: Character = slashSeparated ? "/" : "@"
        guard let split = text.lastIndex(of: separator), split > text.startIndex else { return nil }
        var version = text[text.index(after: split)...]
        if slashSeparated, let peers = version.firstIndex(of: "_") { version = version[..<peers] }
        let name = String(text[..<split])
        guard !name.isEmpty, !version.isEmpty, name != "@" else { return nil }
        return (name, String(version))
    }
}
