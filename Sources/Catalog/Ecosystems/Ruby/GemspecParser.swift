/// Reads the assignments of an installed gem's specification without running Ruby:
/// `s.name = "x"`, `s.version = "1.2"` (or `Gem::Version.new("1.2")`), `s.license(s) = [...]`
/// and `s.add_runtime_dependency`/`s.add_dependency(%q<name>, ...)`, whatever the block
/// variable is called. Strings may be `"…"`, `'…'` or `%q<…>`-style literals, with or without `.freeze`.
enum GemspecParser {
    /// Specifications larger than this are skipped.
    static let maxSize = 1 << 20

    static func matches(_ path: String) -> Bool {
        path.hasSuffix(".gemspec") && path.parentPath.lastPathComponent == "specifications"
    }

    static func parse(_ file: ResolvedFile, _ environment: ParseEnvironment) throws(FileFormatError) -> ParsedFile {
        var name: String?
        var version: String?
        var licenses: [String] = []
        var dependencies: [String] = []
        for line in try file.lines() {
            let statement = line.trimmed
            guard let dot = statement.firstIndex(of: "."), statement[..<dot].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
            else { continue }
            let call = statement[statement.index(after: dot)...]
            let method = String(call.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            let arguments = call.dropFirst(method.count)
            let isAssignment = arguments.trimmed.hasPrefix("=")
            switch method {
            case "name" where isAssignment: name = stringLiterals(in: arguments).first
            case "version" where isAssignment: version = stringLiterals(in: arguments).first
            case "license" where isAssignment, "licenses" where isAssignment: licenses += stringLiterals(in: arguments)
            case "add_runtime_dependency", "add_dependency":
                if let dependency = stringLiterals(in: arguments).first, !dependencies.contains(dependency) { dependencies.append(dependency) }
            default: continue
            }
        }
        guard let name, !name.isEmpty else { throw FileFormatError("no 's.name = \"…\"' assignment") }
        guard let version, !version.isEmpty else { throw FileFormatError("no 's.version = \"…\"' assignment for gem '\(name)'") }
        var parsed = ParsedFile()
        parsed.packages.append(CatalogPackage(
            name: name, version: version, type: .gem,
            purl: PURL(type: PackageType.gem.rawValue, name: name, version: version),
            cpes: [CPE.application(vendor: name, product: name, version: version)],
            licenses: licenses.map(LicenseNames.spdx), locations: [file.location],
            foundBy: environment.foundBy, dependsOn: dependencies
        ))
        return parsed
    }

    /// The string literals in Ruby source text, in order.
    static func stringLiterals(in text: Substring) -> [String] {
        let closing: [Character: Character] = ["<": ">", "{": "}", "(": ")", "[": "]"]
        var literals: [String] = []
        var index = text.startIndex
        while index < text.endIndex {
            var close: Character?
            var bodyStart = text.index(after: index)
            if text[index] == "\"" || text[index] == "'" {
                close = text[index]
            } else if text[index] == "%", text[bodyStart...].first == "q" || text[bodyStart...].first == "Q" {
                let delimiter = text.index(after: bodyStart)
                if delimiter < text.endIndex {
                    close = closing[text[delimiter]] ?? text[delimiter]
                    bodyStart = text.index(after: delimiter)
                }
            }
            guard let close else {
                index = text.index(after: index)
                continue
            }
            guard let end = text[bodyStart...].firstIndex(of: close) else { break }
            literals.append(String(text[bodyStart..<end]))
            index = text.index(after: end)
        }
        return literals
    }
}
