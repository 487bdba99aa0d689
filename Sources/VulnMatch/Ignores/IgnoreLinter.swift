import Foundation

/// `hallmark ignores lint`: checks that every ignore rule carries the runbook's
/// justification, that none has expired, and (given the findings of a scan) that
/// each still matches something.
public struct IgnoreLinter: Sendable {
    /// What lint found about one rule.
    public struct Finding: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Codable {
            case missing, expired, stale
        }

        public var path: String
        public var line: Int
        /// The rule's id (its vulnerability, else a description of its package match).
        public var rule: String
        public var kind: Kind
        /// For `missing`: the requirement not met.
        public var requirement: IgnoreRequirement?
        public var message: String
    }

    /// Today, for `expires:` (a parameter so tests can fix it).
    public var now: Date

    public init(now: Date = Date()) {
        self.now = now
    }

    /// The findings about `config`'s rules; `stale` lists the lines of rules that matched no
    /// finding in a scan (nil: no scan given, staleness not checked).
    public func lint(_ config: IgnoreConfig, unmatchedRuleLines stale: Set<Int>? = nil) -> [Finding] {
        var findings: [Finding] = []
        for rule in config.rules {
            let name = Self.name(of: rule)
            for requirement in IgnoreRequirement.allCases where !Self.satisfies(rule, requirement) {
                findings.append(Finding(path: config.path, line: rule.line, rule: name, kind: .missing, requirement: requirement,
                                        message: "missing \(requirement.label)"))
            }
            if let expires = rule.expires, expires < now {
                findings.append(Finding(path: config.path, line: rule.line, rule: name, kind: .expired, requirement: nil,
                                        message: "expired on \(Self.day(expires)); re-assess it and remove the rule or extend expires:"))
            }
            if let stale, stale.contains(rule.line) {
                findings.append(Finding(path: config.path, line: rule.line, rule: name, kind: .stale, requirement: nil,
                                        message: "matches no finding any more; remove it (and close its tracking issue)"))
            }
        }
        return findings
    }

    /// Whether `rule` documents `requirement`.
    static func satisfies(_ rule: IgnoreRule, _ requirement: IgnoreRequirement) -> Bool {
        let text = rule.justification
        let lowered = text.map { $0.lowercased() }
        switch requirement {
        case .identification:
            // The id is the rule's own; the description is `reason:` or a comment that is
            // prose, not one of the other structured lines (a link, a TODO, tracking).
            guard rule.vulnerability != nil else { return false }
            return rule.reason != nil || lowered.contains { line in
                let words = line.split(separator: " ")
                return words.count >= 3 && !line.hasPrefix("todo") && !line.hasPrefix("tracking") && !line.hasPrefix("http")
            }
        case .impactAssessment:
            let markers = ["impact", "risk", "exposure", "not affected", "does not affect", "not exploitable", "not vulnerable", "only applies", "unaffected"]
            return rule.vexJustification != nil || rule.reason != nil || lowered.contains { line in markers.contains { line.contains($0) } }
        case .affectedComponent:
            let markers = ["affected component", "component:", "package:", "binary:", "affects:"]
            return !(rule.package?.isEmpty ?? true) || lowered.contains { line in markers.contains { line.contains($0) } }
        case .trackingLink:
            return lowered.contains { $0.contains("https://") || $0.contains("http://") }
        case .removalCriterion:
            return rule.expires != nil || lowered.contains { $0.contains("todo") || $0.hasPrefix("remove") || $0.contains("remove when") || $0.contains("remove once") }
        }
    }

    static func name(of rule: IgnoreRule) -> String {
        if let id = rule.vulnerability { return id }
        let package = rule.package
        let parts = [package?.type.map { "type \($0)" }, package?.name.map { "name \($0)" }, package?.location.map { "location \($0)" }].compactMap { $0 }
        return parts.isEmpty ? "rule" : "package " + parts.joined(separator: ", ")
    }

    static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }
}
