import VulnMatch

/// A scan's findings after ignore rules: those that remain, and those ignored with the rule's reason.
struct ScanReport: Encodable {
    struct Ignored: Encodable {
        let finding: Finding
        /// `file:line` of the rule.
        let rule: String
        let reason: String
    }

    let schemaVersion = 1
    let target: String
    let packages: Int
    let findings: [Finding]
    let ignored: [Ignored]
    /// Ecosystems matched by exact version only (no known ordering).
    let exactOnlyEcosystems: [String]

    init(target: String, packages: Int, result: MatchResult, ignores: IgnoreConfig?, vex: [OpenVEXDocument] = []) {
        self.target = target
        self.packages = packages
        let matcher = IgnoreMatcher(rules: ignores?.rules ?? [])
        var kept: [Finding] = []
        var ignored: [Ignored] = []
        for finding in result.findings {
            if let (document, statement) = vex.lazy.compactMap({ document in document.notAffected(finding).map { (document, $0) } }).first {
                let reason = "VEX not_affected" + (statement.justification.map { ": \($0)" } ?? "") + (statement.impactStatement.map { " (\($0))" } ?? "")
                ignored.append(Ignored(finding: finding, rule: document.path, reason: reason))
            } else if let rule = matcher.rule(ignoring: finding), let ignores {
                let reason = rule.reason ?? rule.comments.first ?? "no reason written (see 'hallmark ignores lint')"
                ignored.append(Ignored(finding: finding, rule: "\(ignores.path):\(rule.line)", reason: reason))
            } else {
                kept.append(finding)
            }
        }
        findings = kept
        self.ignored = ignored
        exactOnlyEcosystems = result.exactOnlyEcosystems.sorted()
    }

    /// Findings per severity, highest first.
    var counts: [(Severity, Int)] {
        Severity.allCases.reversed().map { severity in (severity, findings.filter { $0.severity == severity }.count) }
    }
}
