import Foundation

/// Applies ignore rules to findings as Grype does: a rule applies when every field it
/// sets matches (the id, or an alias with `include-aliases`; fix state; package name,
/// version, type, location glob) and it has not expired.
public struct IgnoreMatcher: Sendable {
    public let rules: [IgnoreRule]
    public let now: Date

    public init(rules: [IgnoreRule], now: Date = Date()) {
        self.rules = rules
        self.now = now
    }

    /// The first rule that ignores `finding`, if any.
    public func rule(ignoring finding: Finding) -> IgnoreRule? {
        rules.first { applies($0, to: finding) }
    }

    /// Whether `rule` ignores `finding`.
    public func applies(_ rule: IgnoreRule, to finding: Finding) -> Bool {
        // A rule of only vex-status/namespace needs VEX data findings do not carry: it ignores nothing.
        guard rule.vulnerability != nil || rule.fixState != nil || !(rule.package?.isEmpty ?? true) else { return false }
        if let expires = rule.expires, expires < now { return false }
        if let id = rule.vulnerability {
            let ids = rule.includeAliases ? [finding.advisoryID] + finding.aliases : [finding.advisoryID]
            guard ids.contains(where: { $0.caseInsensitiveCompare(id) == .orderedSame }) else { return false }
        }
        if let state = rule.fixState, state != finding.fixState.rawValue { return false }
        if let package = rule.package {
            if let name = package.name, name != finding.package.name { return false }
            if let version = package.version, version != finding.package.version { return false }
            if let type = package.type, type != finding.package.type && !(type == "python" && finding.package.type == "pypi") { return false }
            if let location = package.location, !finding.package.locations.contains(where: { Glob.matches(location, $0) }) { return false }
        }
        return true
    }
}
