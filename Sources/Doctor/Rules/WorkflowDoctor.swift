/// Runs every workflow rule over a workflow.
public struct WorkflowDoctor: Sendable {
    public let rules: [any WorkflowRule]

    /// The rules documented in docs/rules.md.
    public static let standardRules: [any WorkflowRule] = [
        MissingIDTokenRule(), MissingAttestationsWriteRule(), MissingPackagesWriteRule(), BuildxMissingRule(), QEMUMissingRule(), ActionVersionRule(),
        ProvenanceModeRule(), AttestOnForkPRRule(), ScanWithoutThresholdRule(), AttestUnpushedDigestRule(),
        LoginConditionRule(), CacheExportRule(), SBOMSizeRule(), SBOMNeedsPushRule(), SBOMInputRule(), ContentsReadRule(), LoginOrderRule(),
        VerifyTimingRule(), BuildKitVersionRule(), CachePoisoningRule(),
    ]

    public init(rules: [any WorkflowRule] = WorkflowDoctor.standardRules) {
        self.rules = rules
    }

    /// The findings of `workflow`, by position.
    public func check(_ workflow: Workflow) -> [DoctorFinding] {
        check([workflow])[0]
    }

    /// The findings of workflows from one repository: each one's, plus jobs that call a
    /// reusable workflow (local, among them, or a well-known remote one) without granting
    /// what it needs.
    public func check(_ workflows: [Workflow]) -> [[DoctorFinding]] {
        let crossFile = rules + [ReusableWorkflowRule(workflows: workflows)]
        return workflows.map { check($0, with: crossFile) }
    }

    private func check(_ workflow: Workflow, with rules: [any WorkflowRule]) -> [DoctorFinding] {
        rules.flatMap { $0.check(workflow) }.sorted { ($0.position, $0.rule) < ($1.position, $1.rule) }
    }
}
