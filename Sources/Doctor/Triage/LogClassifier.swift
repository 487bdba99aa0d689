import Foundation

/// Classifies a CI log against a ``TriageKnowledge``: every line (timestamps and ANSI
/// colour codes removed) is tested against every category's patterns; categories are
/// ranked by priority, then by their first matching line.
public struct LogClassifier: @unchecked Sendable {
    /// One category found in the log, with the lines that show it.
    public struct Diagnosis: Sendable, Encodable {
        public var category: String
        public var title: String
        /// 1-based line numbers and the cleaned lines.
        public var lines: [LogLine]
        public var cause: String
        public var resolution: [String]
        public var verify: [String]
    }

    /// A matching line of the log.
    public struct LogLine: Sendable, Encodable {
        public var number: Int
        public var text: String
    }

    /// The most lines kept per diagnosis.
    public static let maxLinesPerDiagnosis = 5

    private let knowledge: TriageKnowledge
    // NSRegularExpression is immutable once made and safe to share across threads.
    private let expressions: [[NSRegularExpression]]

    public init(knowledge: TriageKnowledge) throws {
        self.knowledge = knowledge
        expressions = try knowledge.categories.map { category in
            try category.patterns.map { try NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
        }
    }

    /// The diagnoses of `log`, most specific first.
    public func classify(_ log: String) -> [Diagnosis] {
        var found: [Int: [LogLine]] = [:]
        for (index, raw) in log.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Self.clean(String(raw))
            guard !line.isEmpty else { continue }
            let range = NSRange(line.startIndex..., in: line)
            for (category, patterns) in expressions.enumerated()
            where patterns.contains(where: { $0.firstMatch(in: line, range: range) != nil }) {
                if found[category, default: []].count < Self.maxLinesPerDiagnosis {
                    found[category, default: []].append(LogLine(number: index + 1, text: line))
                }
            }
        }
        return found.keys.sorted { a, b in
            let (x, y) = (knowledge.categories[a], knowledge.categories[b])
            return x.priority != y.priority ? x.priority < y.priority : (found[a]?.first?.number ?? 0) < (found[b]?.first?.number ?? 0)
        }.map { index in
            let category = knowledge.categories[index]
            return Diagnosis(category: category.id, title: category.title, lines: found[index] ?? [], cause: category.cause,
                             resolution: category.resolution, verify: category.verify)
        }
    }

    /// A log line without a leading GitHub Actions timestamp, ANSI escape codes and surrounding spaces.
    static func clean(_ line: String) -> String {
        var text = line.replacingOccurrences(of: "\u{1B}\\[[0-9;]*[A-Za-z]", with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z ?", with: "", options: .regularExpression)
        return text.trimmingCharacters(in: .whitespaces)
    }
}
