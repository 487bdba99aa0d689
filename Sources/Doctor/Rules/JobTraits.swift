/// What a job does, as far as the rules care.
struct JobTraits {
    let job: Job

    static let attestActions: Set<String> = ["actions/attest-build-provenance", "actions/attest-sbom", "actions/attest"]

    /// Steps that create GitHub attestations.
    var attestSteps: [Step] { job.steps.filter { step in step.action.map(Self.attestActions.contains) ?? false } }

    /// Steps that sign keylessly with cosign (no `--key`).
    var keylessCosignSteps: [Step] {
        job.steps.filter { step in
            guard let run = step.run, run.has("cosign sign") || run.has("cosign attest") else { return false }
            return !run.has("--key")
        }
    }

    /// docker/build-push-action steps.
    var buildSteps: [Step] { job.steps.filter { $0.action == "docker/build-push-action" } }

    /// Whether the job pushes to GHCR: a pushing build with ghcr.io tags (or after a ghcr.io
    /// login), `docker push ghcr.io/…`, or an attestation pushed to a ghcr.io subject. A login
    /// alone (to pull) is not a push.
    var pushesToGHCR: Bool {
        let loggedIn = job.steps.contains { $0.action == "docker/login-action" && ($0.inputs["registry"] ?? "").has("ghcr.io") }
        return job.steps.contains { step in
            switch step.action {
            case "docker/build-push-action"?:
                return step.isPushingBuild && ((step.inputs["tags"] ?? "").has("ghcr.io") || loggedIn)
            case let action? where Self.attestActions.contains(action):
                return step.inputs["push-to-registry"] == "true" && (step.inputs["subject-name"] ?? "").has("ghcr.io")
            default:
                return (step.run ?? "").has("docker push ghcr.io")
            }
        }
    }

    /// The index of the first step using `action`, if any.
    func firstIndex(of action: String) -> Int? {
        job.steps.firstIndex { $0.action == action }
    }
}
