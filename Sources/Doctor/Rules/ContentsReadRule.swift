/// An explicit permissions map that sets other scopes but not `contents`: every scope it
/// leaves out is `none`, so `actions/checkout` cannot read a private repository.
struct ContentsReadRule: WorkflowRule {
    let id = "missing-contents-read"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        var reported: Set<SourcePosition> = []
        return workflow.jobs.compactMap { job in
            guard let permissions = job.effectivePermissions(in: workflow), permissions.all == nil,
                  !permissions.scopes.isEmpty, permissions.scopes["contents"] == nil else { return nil }
            guard let checkout = job.steps.first(where: { $0.action == "actions/checkout" }) else { return nil }
            guard reported.insert(permissions.position).inserted else { return nil }
            return DoctorFinding(
                rule: id, severity: .warning, path: workflow.path, position: permissions.position,
                message: "job '\(job.id)' sets permissions without `contents: read`, but checks out the repository (line \(checkout.position.line))",
                why: "A permissions map sets every scope it omits to none; without contents: read, actions/checkout of a private repository fails. The guide's blocks always include it.",
                edit: PermissionFix.edit(for: job, adding: ["contents": .read], in: workflow))
        }
    }
}
