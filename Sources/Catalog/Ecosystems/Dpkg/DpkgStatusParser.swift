/// Reads dpkg status files: RFC 822 stanzas, of which only `Status: install ok installed`
/// packages count (distroless `status.d` stanzas carry no `Status` and all count).
enum DpkgStatusParser {
    static let statusPath = "/var/lib/dpkg/status"
    static let statusDirectory = "/var/lib/dpkg/status.d/"

    static func matches(_ path: String) -> Bool {
        if path == statusPath { return true }
        guard path.hasPrefix(statusDirectory) else { return false }
        let name = path.dropFirst(statusDirectory.count)
        return !name.isEmpty && !name.contains("/") && !name.hasSuffix(".md5sums") && !name.hasPrefix(".")
    }

    static func parse(_ file: ResolvedFile, _ environment: ParseEnvironment) throws(FileFormatError) -> ParsedFile {
        var parsed = ParsedFile()
        let stanzas = HeaderParser.paragraphs(in: try file.lines(), syntax: .rfc822, problems: &parsed)
        for stanza in stanzas {
            if let status = stanza.value("status"), status.split(separator: " ") != ["install", "ok", "installed"] { continue }
            guard let name = stanza.value("package"), !name.isEmpty else {
                parsed.problem("stanza at line \(stanza.line): no Package field")
                continue
            }
            guard let version = stanza.value("version"), !version.isEmpty else {
                parsed.problem("package '\(name)' at line \(stanza.line): no Version field")
                continue
            }
            let source = stanza.value("source").map(SourceField.init)
            let entry = DpkgEntry(
                name: name, version: version, architecture: stanza.value("architecture"),
                sourceName: source?.name, sourceVersion: source?.version,
                depends: dependencyNames(stanza.values("pre-depends") + stanza.values("depends"))
            )
            parsed.packages.append(entry.package(statusFile: file, environment: environment))
        }
        return parsed
    }

    /// The package names of `Depends`-style fields: `a (>= 1), b | c, d:any` → `a`, `b`, `c`, `d`.
    static func dependencyNames(_ fields: [String]) -> [String] {
        var names: [String] = []
        for field in fields {
            for alternative in field.split(whereSeparator: { $0 == "," || $0 == "|" }) {
                let word = alternative.trimmed.prefix { $0 != " " && $0 != "(" && $0 != ":" && $0 != "[" && $0 != "\n" }
                if !word.isEmpty, !names.contains(String(word)) { names.append(String(word)) }
            }
        }
        return names
    }

    /// A `Source:` field, `name` or `name (version)`.
    struct SourceField {
        var name: String
        var version: String?

        init(_ text: String) {
            if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
                name = text[..<open].trimmed
                version = text[text.index(after: open)..<close].trimmed
            } else {
                name = text.trimmed
            }
        }
    }
}
