/// Reads `yarn.lock`, both the v1 format (`name@range, name@range:` entries with
/// `version "x"`) and berry's YAML (`"name@npm:range":` with `version: x`, plus a
/// `__metadata` entry). Workspace, link and portal entries are the project itself, not packages.
enum YarnLockParser {
    static let localProtocols = ["@workspace:", "@link:", "@portal:", "@file:"]

    static func parse(_ file: ResolvedFile, _ environment: ParseEnvironment) throws(FileFormatError) -> ParsedFile {
        var parsed = ParsedFile()
        var entries: [NpmEntry] = []
        for node in IndentedTree.parse(try file.lines()) where node.key != "__metadata" {
            let specifiers = node.key.split(separator: ",").map { IndentedTree.unquote($0.trimmed) }
            if specifiers.contains(where: { specifier in localProtocols.contains { specifier.contains($0) } }) { continue }
            guard node.value == nil, let name = specifiers.first.flatMap(NpmEntry.name(ofSpecifier:)) else {
                parsed.problem("line \(node.line): expected an entry 'name@range:', found '\(node.key.prefix(40))'")
                continue
            }
            guard let version = node.child("version")?.value, !version.isEmpty else {
                parsed.problem("line \(node.line): entry '\(name)' has no version")
                continue
            }
            let dependencies = ["dependencies", "optionalDependencies"].flatMap { node.child($0)?.children.map(\.key) ?? [] }
            entries.append(NpmEntry(name: name, version: version, dependencies: dependencies))
        }
        parsed.packages = NpmEntry.unique(entries).map { $0.package(file: file, foundBy: environment.foundBy) }
        return parsed
    }
}
