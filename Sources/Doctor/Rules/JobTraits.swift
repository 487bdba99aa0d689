/// What a job does, as far as the rules care.
struct JobTraits {
    let job: Job

    static let attestActions: Set<String> = ["actions/attest-build-provenance", "actions/attest-sbom", "actions/attest"]

    /// Steps that create GitHub attestations.
    var attestSteps: [Step] { job.steps.filter { step in step.action.map(Self.attestActions.contains) ?? false } }

    /// Steps that sign keylessly with cosign (no `--key`).
    var keylessCosignSteps: [Step] {
        job.steps.filter { step in
            guard let run = step.run, run.contains("cosign sign") || run.contains("cosign attest") else { return false }
            return !run.contains("--key")
        }
    }

    /// docker/build-push-action steps.
    var buildSteps: [Step] { job.steps.filter { $0.action == "docker/build-push-action" } }

    /// Whether the job pushes to GHCR (a login to ghcr.io, or a build tagging ghcr.io images).
    var pushesToGHCR: Bool {
        job.steps.contains { step in
            (step.action == "docker/login-action" && (step.inputs["registry"] ?? "").contains("ghcr.io"))
                || (step.action == "docker/build-push-action" && (step.inputs["tags"] ?? "").contains("ghcr.io"))
        }
    }

    /// The index of the first step using `action`, if any.
    func firstIndex(of action: String) -> Int? {
        job.steps.firstIndex { $0.action == action }
    }
}
