/// Reads apk's installed database: blank-line separated stanzas of `K:value` lines
/// (`P` name, `V` version, `A` architecture, `o` origin, `L` license, `D` dependencies,
/// `p` provides). Dependencies on `so:`/`cmd:` names are resolved to the providing package.
enum ApkInstalledParser {
    static let databasePath = "/lib/apk/db/installed"

    static func matches(_ path: String) -> Bool { path == databasePath }

    static func parse(_ file: ResolvedFile, _ environment: ParseEnvironment) throws(FileFormatError) -> ParsedFile {
        var parsed = ParsedFile()
        let stanzas = HeaderParser.paragraphs(in: try file.lines(), syntax: .apk, problems: &parsed)
        var providers: [String: String] = [:]
        for stanza in stanzas {
            guard let name = stanza.value("P") else { continue }
            for provided in stanza.value("p")?.split(separator: " ") ?? [] { providers[constraintFree(provided)] = name }
        }
        for stanza in stanzas {
            guard let name = stanza.value("P"), !name.isEmpty else {
                parsed.problem("stanza at line \(stanza.line): no P (package name) field")
                continue
            }
            guard let version = stanza.value("V"), !version.isEmpty else {
                parsed.problem("package '\(name)' at line \(stanza.line): no V (version) field")
                continue
            }
            var depends: [String] = []
            for dependency in stanza.value("D")?.split(separator: " ") ?? [] where !dependency.hasPrefix("!") {
                let required = constraintFree(dependency)
                let provider = providers[required] ?? required
                if provider != name, !depends.contains(provider) { depends.append(provider) }
            }
            let origin = stanza.value("o")
            parsed.packages.append(CatalogPackage(
                name: name, version: version, type: .apk,
                purl: purl(name: name, version: version, arch: stanza.value("A"), origin: origin, distro: environment.context.distro),
                cpes: [CPE.application(vendor: name, product: name, version: version)],
                licenses: stanza.value("L").map { [$0] } ?? [], locations: [file.location],
                sourceName: origin ?? name, sourceVersion: version,
                foundBy: environment.foundBy, dependsOn: depends
            ))
        }
        return parsed
    }

    /// `name>=1.2`, `name=1.2`, `name~1.2`, `name<2` → `name`.
    private static func constraintFree(_ dependency: Substring) -> String {
        String(dependency.prefix { !"<>=~".contains($0) })
    }

    /// `pkg:apk/<distro id>/<name>@<version>?arch=<arch>&distro=<id>-<version id>`, with
    /// `upstream=<origin>` when the origin package differs (as Syft does); the namespace is
    /// `alpine` when no distro was detected.
    static func purl(name: String, version: String, arch: String?, origin: String?, distro: Distro?) -> PURL {
        var qualifiers: [String: String] = [:]
        qualifiers["arch"] = arch
        qualifiers["distro"] = distro?.purlQualifier
        if let origin, origin != name { qualifiers["upstream"] = origin }
        return PURL(type: PackageType.apk.rawValue, namespace: distro?.id ?? "alpine", name: name, version: version,
                    qualifiers: qualifiers)
    }
}
