import Foundation
import Yams

/// Turns one YAML entry of `ignore:` into an ``IgnoreRule``: known fields by
/// Grype's names, unknown ones refused with their line (a typo would otherwise
/// silently widen the rule), and the comments around the entry collected.
struct IgnoreRuleReader {
    static let ruleFields: Set<String> = [
        "vulnerability", "include-aliases", "reason", "namespace", "fix-state", "vex-status", "vex-justification",
        "match-type", "package", "expires",
    ]
    static let packageFields: Set<String> = ["name", "version", "language", "type", "location", "upstream-name"]

    let path: String
    /// The file's lines, for comments.
    let lines: [String]

    func rule(_ entry: Node, nextEntryLine: Int?) throws(IgnoreConfigError) -> IgnoreRule {
        let line = entry.mark?.line ?? 0
        guard let fields = entry.mapping else { throw error(line, "an ignore rule must be a mapping (e.g. - vulnerability: CVE-…)") }
        var rule = IgnoreRule(line: line)
        for (key, value) in fields {
            guard let name = key.string else { throw error(key.mark?.line ?? line, "a rule's keys must be strings") }
            guard Self.ruleFields.contains(name) else {
                throw error(key.mark?.line ?? line, "unknown ignore field '\(name)'; Grype's fields are \(Self.ruleFields.sorted().joined(separator: ", "))")
            }
            switch name {
            case "vulnerability": rule.vulnerability = try scalar(value, name)
            case "include-aliases": rule.includeAliases = try scalar(value, name).lowercased() == "true"
            case "reason": rule.reason = try scalar(value, name)
            case "namespace": rule.namespace = try scalar(value, name)
            case "fix-state": rule.fixState = try scalar(value, name)
            case "vex-status": rule.vexStatus = try scalar(value, name)
            case "vex-justification": rule.vexJustification = try scalar(value, name)
            case "match-type": rule.matchType = try scalar(value, name)
            case "expires": rule.expires = try date(value)
            default: rule.package = try package(value)
            }
        }
        if rule.vulnerability == nil, rule.package?.isEmpty ?? true, rule.fixState == nil, rule.vexStatus == nil, rule.namespace == nil {
            throw error(line, "the rule matches nothing in particular (set vulnerability or package) and would ignore every finding")
        }
        rule.comments = comments(entryLine: line, nextEntryLine: nextEntryLine)
        return rule
    }

    private func package(_ node: Node) throws(IgnoreConfigError) -> IgnoreRule.PackageMatch {
        guard let fields = node.mapping else { throw error(node.mark?.line ?? 0, "package: must be a mapping (name, version, type, location, …)") }
        var match = IgnoreRule.PackageMatch()
        for (key, value) in fields {
            let name = key.string ?? ""
            guard Self.packageFields.contains(name) else {
                throw error(key.mark?.line ?? 0, "unknown package field '\(name)'; Grype's are \(Self.packageFields.sorted().joined(separator: ", "))")
            }
            let text = try scalar(value, "package.\(name)")
            switch name {
            case "name": match.name = text
            case "version": match.version = text
            case "language": match.language = text
            case "type": match.type = text
            case "location": match.location = text
            default: match.upstreamName = text
            }
        }
        return match
    }

    private func scalar(_ node: Node, _ field: String) throws(IgnoreConfigError) -> String {
        guard let text = node.scalar?.string else { throw error(node.mark?.line ?? 0, "\(field) must be a single value") }
        return text
    }

    private func date(_ node: Node) throws(IgnoreConfigError) -> Date {
        let text = try scalar(node, "expires")
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        guard let date = formatter.date(from: text) else { throw error(node.mark?.line ?? 0, "expires: '\(text)' is not a date (YYYY-MM-DD)") }
        return date
    }

    /// The `#` comments of the block right above line `entryLine` (up to a blank line or
    /// a non-comment line) and those on the entry's own lines, without `#` and spaces.
    func comments(entryLine: Int, nextEntryLine: Int?) -> [String] {
        guard entryLine >= 1, entryLine <= lines.count else { return [] }
        var above: [String] = []
        var index = entryLine - 2
        while index >= 0, let text = Self.commentText(lines[index]), Self.isWholeLineComment(lines[index]) {
            above.insert(text, at: 0)
            index -= 1
        }
        var own: [String] = []
        var current = entryLine - 1
        let end = min((nextEntryLine ?? Int.max) - 1, lines.count)
        while current < end {
            let text = lines[current]
            // The entry ends where the next comment block for the next entry starts.
            if current > entryLine - 1, Self.isWholeLineComment(text) || text.trimmingCharacters(in: .whitespaces).isEmpty { break }
            if let comment = Self.commentText(text) { own.append(comment) }
            current += 1
        }
        return above + own
    }

    static func isWholeLineComment(_ line: String) -> Bool {
        line.trimmingCharacters(in: .whitespaces).hasPrefix("#")
    }

    /// The text after the first `#` that starts a comment (at line start or after a space).
    static func commentText(_ line: String) -> String? {
        var previous: Character = " "
        var inQuote: Character?
        for (offset, character) in line.enumerated() {
            if let quote = inQuote {
                if character == quote { inQuote = nil }
            } else if character == "\"" || character == "'" {
                inQuote = character
            } else if character == "#", previous == " " || previous == "\t" {
                let text = line.dropFirst(offset + 1).drop { $0 == "#" }
                return text.trimmingCharacters(in: .whitespaces)
            }
            previous = character
        }
        return nil
    }

    private func error(_ line: Int, _ message: String) -> IgnoreConfigError {
        IgnoreConfigError(path: path, line: line, message: message)
    }
}
