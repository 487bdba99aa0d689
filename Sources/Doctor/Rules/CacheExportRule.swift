/// GitHub Actions cache exports: `mode=min` by default (only the final stage), and
/// exports from pull requests, which forks cannot write.
struct CacheExportRule: WorkflowRule {
    let id = "cache-export"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        let onPullRequests = workflow.runsOnPullRequests
        return workflow.jobs.flatMap { job in
            job.steps.compactMap { step -> DoctorFinding? in
                guard step.action == "docker/build-push-action", let cacheTo = step.inputs["cache-to"], cacheTo.has("type=gha") else { return nil }
                let position = step.inputPositions["cache-to"] ?? step.position
                if onPullRequests, !cacheTo.has("${{"), !AttestOnForkPRRule.guards(job.condition), !AttestOnForkPRRule.guards(step.condition) {
                    return DoctorFinding(
                        rule: id, severity: .info, path: workflow.path, position: position,
                        message: "the GitHub cache is exported on pull requests too",
                        why: "Fork pull requests cannot write the repository's cache; export it only outside pull requests.",
                        fix: "          cache-to: ${{ github.event_name != 'pull_request' && 'type=gha,mode=max' || '' }}")
                }
                guard !cacheTo.has("mode=max") else { return nil }
                return DoctorFinding(
                    rule: id, severity: .info, path: workflow.path, position: position,
                    message: "cache-to: type=gha without mode=max exports only the final stage",
                    why: "Multi-stage builds (and their provenance's cache references) reuse intermediate stages only with mode=max.",
                    fix: "          cache-to: type=gha,mode=max")
            }
        }
    }
}
