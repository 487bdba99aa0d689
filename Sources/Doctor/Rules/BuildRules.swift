/// Build steps that cannot produce attestations, or run emulated platforms without QEMU.
struct BuildxMissingRule: WorkflowRule {
    let id = "buildx-missing"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        workflow.jobs.flatMap { job -> [DoctorFinding] in
            let traits = JobTraits(job: job)
            let buildx = traits.firstIndex(of: "docker/setup-buildx-action")
            return job.steps.enumerated().compactMap { index, step in
                guard step.action == "docker/build-push-action" else { return nil }
                let explicit = [step.inputs["provenance"], step.inputs["sbom"]].compactMap { $0 }.contains { $0 != "false" }
                let defaulted = step.inputs["provenance"] == nil && step.inputs["sbom"] == nil
                guard explicit || defaulted else { return nil }
                if let buildx, buildx < index, job.steps[buildx].inputs["driver"] != "docker" { return nil }
                return DoctorFinding(
                    rule: id, severity: explicit ? .error : .warning, path: workflow.path, position: step.position,
                    message: explicit
                        ? "docker/build-push-action in job '\(job.id)' asks for attestations without a docker-container builder (docker/setup-buildx-action before it)"
                        : "docker/build-push-action in job '\(job.id)' uses the docker driver, which records no provenance (no docker/setup-buildx-action before it)",
                    why: "The default docker driver does not support attestations: requested ones fail (\"Attestation is not supported for the docker driver\"), default ones are silently missing.",
                    fix: "      - uses: docker/setup-buildx-action@v3\n      # … then docker/build-push-action")
            }
        }
    }
}

struct QEMUMissingRule: WorkflowRule {
    let id = "qemu-missing"
    static let native: Set<String> = ["linux/amd64", "linux/386"]

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        workflow.jobs.flatMap { job -> [DoctorFinding] in
            let traits = JobTraits(job: job)
            let qemu = traits.firstIndex(of: "docker/setup-qemu-action")
            let buildx = traits.firstIndex(of: "docker/setup-buildx-action")
            return job.steps.enumerated().compactMap { index, step in
                guard step.action == "docker/build-push-action", let platforms = step.inputs["platforms"] else { return nil }
                let emulated = platforms.split(whereSeparator: { $0 == "," || $0 == "\n" }).map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty && !Self.native.contains($0) && !$0.has("${{") }
                guard !emulated.isEmpty else { return nil }
                if let qemu, qemu < index, buildx.map({ qemu < $0 }) ?? true { return nil }
                let misordered = qemu.map { $0 < index } ?? false
                return DoctorFinding(
                    rule: id, severity: .error, path: workflow.path, position: step.inputPositions["platforms"] ?? step.position,
                    message: misordered
                        ? "docker/setup-qemu-action runs after docker/setup-buildx-action in job '\(job.id)'"
                        : "job '\(job.id)' builds \(emulated.joined(separator: ", ")) without docker/setup-qemu-action",
                    why: "Non-native platforms run under QEMU emulation; without it (or set up after buildx) their RUN steps fail with \"exec format error\". Order: QEMU → buildx → login → build.",
                    fix: "      - uses: docker/setup-qemu-action@v3\n      - uses: docker/setup-buildx-action@v3")
            }
        }
    }
}
