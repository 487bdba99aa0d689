/// Runs every workflow rule over a workflow.
public struct WorkflowDoctor: Sendable {
    public let rules: [any WorkflowRule]

    /// The rules documented in docs/rules.md.
    public static let standardRules: [any WorkflowRule] = [
        MissingIDTokenRule(), MissingAttestationsWriteRule(), MissingPackagesWriteRule(), BuildxMissingRule(), QEMUMissingRule(), ActionVersionRule(),
        ProvenanceModeRule(), AttestOnForkPRRule(), ScanWithoutThresholdRule(), AttestUnpushedDigestRule(),
        LoginConditionRule(), CacheExportRule(), SBOMSizeRule(), SBOMNeedsPushRule(), SBOMInputRule(),
    ]

    public init(rules: [any WorkflowRule] = WorkflowDoctor.standardRules) {
        self.rules = rules
    }

    /// The findings of `workflow`, by position.
    public func check(_ workflow: Workflow) -> [DoctorFinding] {
        rules.flatMap { $0.check(workflow) }.sorted { ($0.position, $0.rule) < ($1.position, $1.rule) }
    }
}
