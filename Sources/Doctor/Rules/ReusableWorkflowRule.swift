/// A job calling a local reusable workflow (`uses: ./.github/workflows/x.yml`) must grant
/// every permission the called jobs ask for: a called workflow's token can only be
/// downgraded, and GitHub refuses the run ("The nested job … is requesting 'id-token:
/// write', but is only allowed 'id-token: none'").
struct ReusableWorkflowRule: WorkflowRule {
    let id = "reusable-workflow-permissions"
    /// The workflows that can be called, by path.
    let callable: [String: Workflow]

    init(workflows: [Workflow]) {
        var callable: [String: Workflow] = [:]
        for workflow in workflows where workflow.triggers.contains("workflow_call") {
            callable[workflow.path] = workflow
        }
        self.callable = callable
    }

    /// The workflow `uses: ./.github/workflows/x.yml` names: x.yml in the folder of the
    /// calling workflow (local reusable workflows live in the same `.github/workflows`).
    func callee(_ uses: String?, from caller: Workflow) -> Workflow? {
        guard let uses, uses.hasPrefix("./") else { return nil }
        let folder = caller.path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return callable[(folder.isEmpty ? "" : folder + "/") + Self.fileName(uses)]
    }

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        workflow.jobs.compactMap { job -> DoctorFinding? in
            guard let uses = job.uses, let callee = callee(uses, from: workflow) else { return nil }
            let granted = job.effectivePermissions(in: workflow)
            // With no block, a reusable caller passes on its own caller's token: checked there.
            if granted == nil, workflow.triggers.contains("workflow_call") { return nil }
            var visited: Set<String> = [callee.path]
            let needs = requirements(of: callee, visited: &visited)
            let short = needs.filter { scope, need in
                // No block: the repository default, which may grant read or write but never id-token.
                guard let granted else { return scope == "id-token" }
                return granted.level(scope) < need.level
            }
            guard !short.isEmpty else { return nil }
            let detail = short.sorted { $0.key < $1.key }.map { scope, need in "`\(scope): \(need.level.name)` (job '\(need.job)')" }.joined(separator: ", ")
            return DoctorFinding(
                rule: id, severity: .error, path: workflow.path, position: granted?.position ?? job.position,
                message: "job '\(job.id)' calls \(Self.fileName(uses)), which needs \(detail), more than this job grants",
                why: "A called workflow's token can only be downgraded from the caller's; GitHub refuses to start the run when a called job requests more (\"The nested job … is requesting …, but is only allowed …\").",
                fix: PermissionFix.snippet(for: job, adding: short.mapValues(\.level.name), in: workflow))
        }
    }

    /// For each scope, the highest level a job of `workflow` (or of the local workflows it
    /// calls) asks for or needs, with the job that asks.
    func requirements(of workflow: Workflow, visited: inout Set<String>) -> [String: (level: Permissions.Level, job: String)] {
        var needs: [String: (level: Permissions.Level, job: String)] = [:]
        func add(_ scope: String, _ level: Permissions.Level, _ job: String) {
            if level > (needs[scope]?.level ?? .none) { needs[scope] = (level, job) }
        }
        for job in workflow.jobs {
            if let permissions = job.effectivePermissions(in: workflow) {
                for (scope, level) in permissions.scopes { add(scope, level, job.id) }
                if let all = permissions.all { for scope in Self.tokenScopes { add(scope, all, job.id) } }
            } else {
                let traits = JobTraits(job: job)
                if !(traits.attestSteps + traits.keylessCosignSteps).isEmpty { add("id-token", .write, job.id) }
                if !traits.attestSteps.isEmpty { add("attestations", .write, job.id) }
                if traits.pushesToGHCR { add("packages", .write, job.id) }
            }
            if let nested = callee(job.uses, from: workflow), visited.insert(nested.path).inserted {
                for (scope, need) in requirements(of: nested, visited: &visited) { add(scope, need.level, need.job) }
            }
        }
        return needs
    }

    /// The scopes `read-all`/`write-all` cover that matter here.
    static let tokenScopes = ["actions", "attestations", "checks", "contents", "deployments", "id-token", "issues", "packages", "pull-requests", "security-events", "statuses"]

    static func fileName(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }
}
