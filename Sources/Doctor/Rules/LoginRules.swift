/// Registry login that runs on pull requests while the build pushes only outside them:
/// fork pull requests have no secrets, so the login step fails the build for nothing.
struct LoginConditionRule: WorkflowRule {
    let id = "login-condition"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        guard workflow.runsOnPullRequests else { return [] }
        return workflow.jobs.flatMap { job -> [DoctorFinding] in
            guard !AttestOnForkPRRule.guards(job.condition) else { return [] }
            let pushesOutsidePRs = job.steps.contains { step in
                step.action == "docker/build-push-action" && (step.inputs["push"] ?? "").has("pull_request")
            }
            guard pushesOutsidePRs else { return [] }
            return job.steps.filter { $0.action == "docker/login-action" && !AttestOnForkPRRule.guards($0.condition) }.map { step in
                DoctorFinding(
                    rule: id, severity: .warning, path: workflow.path, position: step.position,
                    message: "docker/login-action in job '\(job.id)' runs on pull requests, but the build pushes only outside them",
                    why: "Fork pull requests get no secrets, so the login fails the run although nothing is pushed; give the login the push's condition.",
                    fix: "        if: github.event_name != 'pull_request'")
            }
        }
    }
}

/// Pushes (a pushing build, an attestation pushed to the registry) with no registry login
/// before them in the job: the push fails with "unauthorized: authentication required".
/// The guide's order is QEMU → buildx → login → build.
struct LoginOrderRule: WorkflowRule {
    let id = "login-before-push"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        workflow.jobs.flatMap { job -> [DoctorFinding] in
            let logins = job.steps.indices.filter { Self.logsIn(job.steps[$0]) }
            return job.steps.enumerated().compactMap { index, step -> DoctorFinding? in
                guard let (input, target) = Self.push(step), !target.has("localhost"), !target.has("127.0.0.1") else { return nil }
                if logins.contains(where: { $0 < index }) { return nil }
                let later = logins.first { $0 > index }.map { job.steps[$0] }
                return DoctorFinding(
                    rule: id, severity: later == nil ? .warning : .error, path: workflow.path, position: step.inputPositions[input] ?? step.position,
                    message: later.map { "\(step.action ?? "the step") in job '\(job.id)' pushes before the registry login (line \($0.position.line))" }
                        ?? "\(step.action ?? "the step") in job '\(job.id)' pushes with no registry login before it in the job",
                    why: "Pushes use the credentials of an earlier login; without one they fail with \"unauthorized: authentication required\" (or 401/403). Order: QEMU → buildx → login → build.",
                    fix: "      - uses: docker/login-action@v3\n        with:\n          registry: ghcr.io\n          username: ${{ github.actor }}\n          password: ${{ secrets.GITHUB_TOKEN }}\n      # … then the push")
            }
        }
    }

    /// The input that makes `step` push and what it pushes (tags or subject), if it pushes.
    static func push(_ step: Step) -> (input: String, target: String)? {
        switch step.action {
        case "docker/build-push-action"?:
            guard step.isPushingBuild else { return nil }
            return ("push", step.inputs["tags"] ?? "")
        case let action? where JobTraits.attestActions.contains(action):
            guard step.inputs["push-to-registry"] == "true" else { return nil }
            return ("push-to-registry", step.inputs["subject-name"] ?? "")
        default:
            return nil
        }
    }

    /// Login actions (docker/login-action, cloud registry logins) and `docker login` commands.
    static func logsIn(_ step: Step) -> Bool {
        if let action = step.action, action.has("login") { return true }
        guard let run = step.run else { return false }
        return ["docker login", "podman login", "buildah login", "crane auth login", "oras login"].contains { run.has($0) }
    }
}
