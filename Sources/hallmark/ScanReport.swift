import VulnMatch

/// A scan's report: the findings that remain under the scan policy, and those set
/// aside with the rule's reason.
struct ScanReport: Encodable {
    let schemaVersion = 1
    let target: String
    let packages: Int
    let findings: [Finding]
    let ignored: [ScanOutcome.Ignored]
    /// Ecosystems matched by exact version only (no known ordering).
    let exactOnlyEcosystems: [String]

    init(target: String, packages: Int, result: MatchResult, outcome: ScanOutcome) {
        self.target = target
        self.packages = packages
        findings = outcome.findings
        ignored = outcome.ignored
        exactOnlyEcosystems = result.exactOnlyEcosystems.sorted()
    }

    /// Findings per severity, highest first.
    var counts: [(Severity, Int)] {
        Severity.allCases.reversed().map { severity in (severity, findings.filter { $0.severity == severity }.count) }
    }
}
