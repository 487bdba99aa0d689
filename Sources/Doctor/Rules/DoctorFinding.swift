/// One problem `hallmark doctor` found: the rule, where, why it matters and the exact fix.
public struct DoctorFinding: Sendable, Equatable, Encodable {
    public enum Severity: String, Sendable, Encodable, Comparable, CaseIterable {
        case info, warning, error

        public static func < (a: Severity, b: Severity) -> Bool {
            allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
        }
    }

    public var rule: String
    public var severity: Severity
    public var path: String
    public var position: SourcePosition
    public var message: String
    /// Why it matters (the troubleshooting guide's rationale).
    public var why: String
    /// The YAML to add or change.
    public var fix: String
}

/// A check over one workflow.
public protocol WorkflowRule: Sendable {
    /// A stable id, e.g. `missing-id-token`; documented in docs/rules.md.
    var id: String { get }
    func check(_ workflow: Workflow) -> [DoctorFinding]
}
