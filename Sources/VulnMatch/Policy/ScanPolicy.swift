/// What a scan keeps, sets aside and fails on: OpenVEX `not_affected` statements and
/// ignore rules set findings aside (each with its reason), `--only-fixed` drops those
/// without a fix, and a threshold (`--fail-on`, else the configuration's
/// `fail-on-severity`) fails the scan. `scan` and `attest vuln` apply this one policy,
/// so a finding the scan sets aside is set aside in the attestation too.
public struct ScanPolicy: Sendable {
    /// Ignore rules, with the file they came from.
    public var ignores: IgnoreConfig?
    public var vex: [OpenVEXDocument]
    /// Only findings with a fixed version count.
    public var onlyFixed: Bool
    /// An explicit threshold; it overrides the configuration's `fail-on-severity`.
    public var failOn: Severity?

    public init(ignores: IgnoreConfig? = nil, vex: [OpenVEXDocument] = [], onlyFixed: Bool = false, failOn: Severity? = nil) {
        self.ignores = ignores
        self.vex = vex
        self.onlyFixed = onlyFixed
        self.failOn = failOn
    }

    /// The threshold in force, if any.
    public var threshold: Severity? { failOn ?? ignores?.failOnSeverity }

    /// The findings of `result` under this policy. VEX statements are applied before
    /// ignore rules, so a finding both cover is reported with the VEX reason.
    public func apply(_ result: MatchResult) -> ScanOutcome {
        let matcher = IgnoreMatcher(rules: ignores?.rules ?? [])
        var outcome = ScanOutcome(findings: [], ignored: [], threshold: threshold)
        for finding in result.findings where !onlyFixed || finding.fixState == .fixed {
            if let (document, statement) = vex.lazy.compactMap({ document in document.notAffected(finding).map { (document, $0) } }).first {
                let reason = "VEX not_affected" + (statement.justification.map { ": \($0)" } ?? "") + (statement.impactStatement.map { " (\($0))" } ?? "")
                outcome.ignored.append(.init(finding: finding, rule: document.path, reason: reason))
            } else if let ignores, let rule = matcher.rule(ignoring: finding) {
                let reason = rule.reason ?? rule.comments.first ?? "no reason written (see 'hallmark ignores lint')"
                outcome.ignored.append(.init(finding: finding, rule: "\(ignores.path):\(rule.line)", reason: reason))
            } else {
                outcome.findings.append(finding)
            }
        }
        return outcome
    }
}

/// A scan's findings after its ``ScanPolicy``.
public struct ScanOutcome: Sendable {
    /// A finding set aside, with the rule (`file:line`, or the VEX document) and its reason.
    public struct Ignored: Sendable, Encodable {
        public var finding: Finding
        public var rule: String
        public var reason: String
    }

    /// The findings that remain.
    public var findings: [Finding]
    public var ignored: [Ignored]
    public var threshold: Severity?

    /// The remaining findings at or above the threshold; the scan fails when there are any.
    public var failing: [Finding] {
        guard let threshold else { return [] }
        return findings.filter { $0.severity >= threshold }
    }
}
