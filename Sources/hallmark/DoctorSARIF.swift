import Doctor

extension SARIFLog {
    /// Workflow findings: one rule per doctor rule, one result per finding at its line and column.
    init(doctor findings: [DoctorFinding]) {
        var rules: [String: Rule] = [:]
        for finding in findings where rules[finding.rule] == nil {
            rules[finding.rule] = Rule(id: finding.rule, shortDescription: Text(text: finding.why),
                                       helpUri: "https://github.com/hallmark-dev/hallmark/blob/main/docs/rules.md#\(finding.rule)", properties: nil)
        }
        let results = findings.map { finding in
            Result(ruleId: finding.rule, level: finding.severity == .error ? "error" : (finding.severity == .warning ? "warning" : "note"),
                   message: Text(text: "\(finding.message). Fix:\n\(finding.fix)"),
                   locations: [Result.Location(physicalLocation: .init(
                       artifactLocation: .init(uri: finding.path.hasPrefix("/") ? "file://" + finding.path : finding.path),
                       region: .init(startLine: max(1, finding.position.line), startColumn: max(1, finding.position.column))))])
        }
        self.init(rules: rules.keys.sorted().compactMap { rules[$0] }, results: results)
    }
}
