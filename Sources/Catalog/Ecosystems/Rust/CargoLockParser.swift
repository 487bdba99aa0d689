/// Reads `Cargo.lock` (format versions 1 to 4): the `[[package]]` tables of its TOML,
/// with their `name`, `version`, `source` and `dependencies` keys. It understands the
/// subset of TOML that Cargo writes: table headers, `key = "string"`, `key = integer`,
/// and string arrays that may span lines; other tables (`[metadata]`, `[[patch.unused]]`)
/// are skipped.
enum CargoLockParser {
    /// One `[[package]]` table.
    struct LockedPackage: Sendable, Equatable {
        var name: String
        var version: String
        var source: String?
        /// Entries as written: `name`, `name version` or `name version (source)`.
        var dependencies: [String]
    }

    /// The locked packages of `text`; lines it cannot read become `problems`.
    static func packages(in text: String, problems: inout [String]) -> [LockedPackage] {
        var tables: [[String: TOMLValue]] = []
        var current: [String: TOMLValue]?
        var pendingArray: (key: String, items: [String], text: String)?
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmed
            if var pending = pendingArray {
                pending.text += " " + line
                if let items = closedArray(pending.text) {
                    current?[pending.key] = .strings(items)
                    pendingArray = nil
                } else {
                    pendingArray = pending
                }
                continue
            }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                if let table = current { tables.append(table) }
                current = line == "[[package]]" ? [:] : nil
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                problems.append("line \(index + 1): not 'key = value'")
                continue
            }
            let key = line[..<equals].trimmed
            let value = line[line.index(after: equals)...].trimmed
            guard current != nil else { continue }
            if value.hasPrefix("\"") {
                guard let string = quotedString(value) else {
                    problems.append("line \(index + 1): unterminated string")
                    continue
                }
                current?[key] = .string(string)
            } else if value.hasPrefix("[") {
                if let items = closedArray(value) { current?[key] = .strings(items) } else { pendingArray = (key, [], value) }
            }
        }
        if pendingArray != nil { problems.append("unterminated array at end of file") }
        if let table = current { tables.append(table) }
        var packages: [LockedPackage] = []
        for (index, table) in tables.enumerated() {
            guard case .string(let name)? = table["name"], case .string(let version)? = table["version"] else {
                problems.append("[[package]] table \(index + 1) has no name or version")
                continue
            }
            var source: String?
            if case .string(let value)? = table["source"] { source = value }
            var dependencies: [String] = []
            if case .strings(let values)? = table["dependencies"] { dependencies = values }
            packages.append(LockedPackage(name: name, version: version, source: source, dependencies: dependencies))
        }
        return packages
    }

    private enum TOMLValue {
        case string(String)
        case strings([String])
    }

    /// The strings of `[ "a", "b", ]` once the closing bracket has been seen, else nil.
    private static func closedArray(_ text: String) -> [String]? {
        var items: [String] = []
        var rest = Substring(text.dropFirst())
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "," }
            if rest.hasPrefix("]") { return items }
            guard rest.hasPrefix("\""), let item = quotedString(String(rest)) else { return nil }
            items.append(item)
            rest = rest.dropFirst(quotedLength(rest))
        }
    }

    /// The content of the basic string starting `text`, with `\"`, `\\`, `\n`, `\t` escapes.
    private static func quotedString(_ text: String) -> String? {
        var out = ""
        var escaped = false
        for character in text.dropFirst() {
            if escaped {
                out.append(character == "n" ? "\n" : character == "t" ? "\t" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                return out
            } else {
                out.append(character)
            }
        }
        return nil
    }

    /// How many characters the basic string at the start of `text` spans, quotes included.
    private static func quotedLength(_ text: Substring) -> Int {
        var escaped = false
        for (offset, character) in text.dropFirst().enumerated() {
            if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { return offset + 2 }
        }
        return text.count
    }
}
