/// A job calling a local reusable workflow (`uses: ./.github/workflows/x.yml`), or a
/// well-known remote one (the SLSA generators), must grant every permission the called
/// jobs ask for: a called workflow's token can only be
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

    /// Well-known remote reusable workflows and the permissions their documentation asks
    /// the caller to grant (they are not fetched).
    static let knownRemote: [String: [String: Permissions.Level]] = [
        "slsa-framework/slsa-github-generator/.github/workflows/generator_container_slsa3.yml":
            ["id-token": .write, "actions": .read, "packages": .write],
        "slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml":
            ["id-token": .write, "actions": .read, "contents": .write],
        "slsa-framework/slsa-github-generator/.github/workflows/builder_go_slsa3.yml":
            ["id-token": .write, "actions": .read, "contents": .write],
    ]

    /// What a job's `uses:` asks for: a local workflow's jobs (followed), or a known remote one's documentation.
    func needs(of uses: String, from workflow: Workflow) -> [String: (level: Permissions.Level, source: String)]? {
        if let callee = callee(uses, from: workflow) {
            var visited: Set<String> = [callee.path]
            return requirements(of: callee, visited: &visited)
        }
        let name = String(uses.split(separator: "@", maxSplits: 1).first ?? "")
        return Self.knownRemote[name].map { $0.mapValues { ($0, "its documentation") } }
    }

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        workflow.jobs.compactMap { job -> DoctorFinding? in
            guard let uses = job.uses, let needs = needs(of: uses, from: workflow) else { return nil }
            let granted = job.effectivePermissions(in: workflow)
            // With no block, a reusable caller passes on its own caller's token: checked there.
            if granted == nil, workflow.triggers.contains("workflow_call") { return nil }
            let short = needs.filter { scope, need in
                // No block: the repository default, which may grant read or write but never id-token.
                guard let granted else { return scope == "id-token" }
                return granted.level(scope) < need.level
            }
            guard !short.isEmpty else { return nil }
            let detail = short.sorted { $0.key < $1.key }.map { scope, need in
                "`\(scope): \(need.level.name)` (\(need.source))"
            }.joined(separator: ", ")
            return DoctorFinding(
                rule: id, severity: .error, path: workflow.path, position: granted?.position ?? job.position,
                message: "job '\(job.id)' calls \(Self.fileName(uses)), which needs \(detail), more than this job grants",
                why: "A called workflow's token can only be downgraded from the caller's; GitHub refuses to start the run when a called job requests more (\"The nested job … is requesting …, but is only allowed …\").",
                edit: PermissionFix.edit(for: job, adding: short.mapValues(\.level), in: workflow))
        }
    }

    /// For each scope, the highest level a job of `workflow` (or of the local workflows it
    /// calls) asks for or needs, with who asks (`job 'x'`).
    func requirements(of workflow: Workflow, visited: inout Set<String>) -> [String: (level: Permissions.Level, source: String)] {
        var needs: [String: (level: Permissions.Level, source: String)] = [:]
        func add(_ scope: String, _ level: Permissions.Level, _ source: String) {
            if level > (needs[scope]?.level ?? .none) { needs[scope] = (level, source) }
        }
        for job in workflow.jobs {
            let source = "job '\(job.id)'"
            if let permissions = job.effectivePermissions(in: workflow) {
                for (scope, level) in permissions.expanded { add(scope, level, source) }
            } else {
                let traits = JobTraits(job: job)
                if !(traits.attestSteps + traits.keylessCosignSteps).isEmpty { add("id-token", .write, source) }
                if !traits.attestSteps.isEmpty { add("attestations", .write, source) }
                if traits.pushesToGHCR { add("packages", .write, source) }
            }
            if let nested = callee(job.uses, from: workflow), visited.insert(nested.path).inserted {
                for (scope, need) in requirements(of: nested, visited: &visited) { add(scope, need.level, need.source) }
            }
        }
        return needs
    }

    static func fileName(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }
}
