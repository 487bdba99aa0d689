/// Attest or sign steps that run on fork pull requests, where no OIDC token or write
/// permission exists: they fail (the runbook skips them).
struct AttestOnForkPRRule: WorkflowRule {
    let id = "attest-on-pull-request"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        guard workflow.runsOnPullRequests else { return [] }
        return workflow.jobs.flatMap { job -> [DoctorFinding] in
            if Self.guards(job.condition) { return [] }
            let traits = JobTraits(job: job)
            return (traits.attestSteps + traits.keylessCosignSteps).filter { !Self.guards($0.condition) }.map { step in
                DoctorFinding(
                    rule: id, severity: .warning, path: workflow.path, position: step.position,
                    message: "\(step.action ?? "cosign") in job '\(job.id)' also runs on pull requests, where forks get no OIDC token",
                    why: "Fork pull requests have no id-token or attestations permission, so attestation fails; skip it for pull requests.",
                    fix: "        if: github.event_name != 'pull_request'")
            }
        }
    }

    /// Whether a condition keeps the step off pull requests (or fork pull requests).
    static func guards(_ condition: String?) -> Bool {
        guard let condition else { return false }
        return condition.has("pull_request") || condition.has("head.repo") || condition.has("refs/tags") || condition.has("github.ref ==")
    }
}

/// An attestation pushed to the registry for the digest of a build that did not push
/// (`push: false`, `load: true`): the digest is not in the registry, and the attestation
/// upload fails with "expected 200, received 404".
struct AttestUnpushedDigestRule: WorkflowRule {
    let id = "attest-unpushed-digest"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        workflow.jobs.flatMap { job -> [DoctorFinding] in
            let unpushed = Set(job.steps.filter { step in
                step.action == "docker/build-push-action" && !step.isPushingBuild
            }.compactMap(\.id))
            return JobTraits(job: job).attestSteps.compactMap { step in
                guard (step.inputs["push-to-registry"] ?? "false") == "true", let digest = step.inputs["subject-digest"],
                      let source = unpushed.first(where: { digest.has("steps.\($0).outputs.digest") }) else { return nil }
                return DoctorFinding(
                    rule: id, severity: .error, path: workflow.path, position: step.inputPositions["subject-digest"] ?? step.position,
                    message: "the attestation is pushed for the digest of step '\(source)', which does not push the image",
                    why: "push-to-registry attaches the bundle to that digest in the registry; an image built with push: false (load: true) is not there (\"expected 200, received 404\").",
                    fix: "          subject-digest: ${{ steps.<the step that pushes, with push: true>.outputs.digest }}")
            }
        }
    }
}
