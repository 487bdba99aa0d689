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
    /// For permission findings, the block `--fix` writes (not part of the JSON).
    public var edit: PermissionEdit?

    private enum CodingKeys: String, CodingKey {
        case rule, severity, path, position, message, why, fix
    }

    init(rule: String, severity: Severity, path: String, position: SourcePosition, message: String, why: String, fix: String) {
        (self.rule, self.severity, self.path, self.position, self.message, self.why, self.fix) = (rule, severity, path, position, message, why, fix)
    }

    /// A permission finding: the fix is the job's whole `permissions:` block.
    init(rule: String, severity: Severity, path: String, position: SourcePosition, message: String, why: String, edit: PermissionEdit) {
        self.init(rule: rule, severity: severity, path: path, position: position, message: message, why: why, fix: edit.snippet)
        self.edit = edit
    }
}

/// A check over one workflow.
public protocol WorkflowRule: Sendable {
    /// A stable id, e.g. `missing-id-token`; documented in docs/rules.md.
    var id: String { get }
    func check(_ workflow: Workflow) -> [DoctorFinding]
}
