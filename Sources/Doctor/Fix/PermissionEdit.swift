/// The `permissions:` block one job should have, scope by scope (`id-token: write`, …):
/// what permission findings propose and `hallmark doctor --fix` writes.
public struct PermissionEdit: Sendable, Equatable {
    public var job: String
    public var scopes: [String: Permissions.Level]

    public init(job: String, scopes: [String: Permissions.Level]) {
        self.job = job
        self.scopes = scopes
    }

    /// The block as YAML under its job, indented as in a workflow.
    public var snippet: String {
        "  \(job):\n" + lines(indent: "    ").joined(separator: "\n")
    }

    /// `permissions:` and one line per scope, sorted, the key at `indent`.
    func lines(indent: String, scopeIndent: String? = nil) -> [String] {
        let inner = scopeIndent ?? indent + "  "
        return ["\(indent)permissions:"] + scopes.keys.sorted().map { "\(inner)\($0): \(scopes[$0]?.name ?? "read")" }
    }

    /// This edit and `other` for the same job: every scope at the higher of the two levels.
    func merged(with other: PermissionEdit) -> PermissionEdit {
        PermissionEdit(job: job, scopes: scopes.merging(other.scopes) { max($0, $1) })
    }
}
