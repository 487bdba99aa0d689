import Foundation

/// Pushed builds with no SBOM attestation anywhere in the workflow: neither `sbom: true`
/// on the build nor an SBOM attest step.
struct SBOMInputRule: WorkflowRule {
    let id = "sbom-missing"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        let attestsSBOM = workflow.jobs.contains { job in
            job.steps.contains(where: \.attestsSBOM)
        }
        guard !attestsSBOM else { return [] }
        return workflow.jobs.flatMap { job in
            job.steps.compactMap { step -> DoctorFinding? in
                guard step.isPushingBuild, (step.inputs["sbom"] ?? "false") == "false" else { return nil }
                return DoctorFinding(
                    rule: id, severity: .info, path: workflow.path, position: step.inputPositions["sbom"] ?? step.position,
                    message: "the pushed image gets no SBOM attestation (no sbom: true, no SBOM attest step)",
                    why: "The runbook attests an SPDX SBOM per platform; without one, scanners and verifiers have nothing to check.",
                    fix: "          sbom: true")
            }
        }
    }
}

/// SBOM attestations of files that may exceed GitHub's 16,777,216-byte predicate limit,
/// with no trim step before them in the job.
struct SBOMSizeRule: WorkflowRule {
    let id = "sbom-size"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        workflow.jobs.flatMap { job -> [DoctorFinding] in
            job.steps.enumerated().compactMap { index, step in
                guard step.attestsSBOM else { return nil }
                let trimmed = job.steps[..<index].contains { earlier in
                    let text = ((earlier.name ?? "") + " " + (earlier.run ?? "")).lowercased()
                    return text.has("trim") || text.has("del(.files") || text.has("--max-size")
                }
                guard !trimmed else { return nil }
                return DoctorFinding(
                    rule: id, severity: .warning, path: workflow.path, position: step.inputPositions["sbom-path"] ?? step.position,
                    message: "the SBOM is attested without a trim step: large images exceed the 16 MiB predicate limit",
                    why: "GitHub refuses predicates over 16,777,216 bytes (\"predicate file exceeds maximum allowed size\"); the runbook trims the SBOM first.",
                    fix: "      - run: hallmark sbom trim sbom.spdx.json --max-size 16MiB -o sbom.spdx.json")
            }
        }
    }
}

/// Jobs that read the pushed image (SBOM, scan, SBOM attestation) in parallel with the
/// job that pushes it: without `needs:` on that job they can run before the push exists.
struct SBOMNeedsPushRule: WorkflowRule {
    let id = "sbom-needs-push"
    static let readers: Set<String> = ["anchore/sbom-action", "anchore/scan-action", "actions/attest-sbom", "aquasecurity/trivy-action"]

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        let pushers = Set(workflow.jobs.filter { $0.steps.contains(where: \.isPushingBuild) }.map(\.id))
        guard !pushers.isEmpty else { return [] }
        let needs = Dictionary(workflow.jobs.map { ($0.id, $0.needs) }, uniquingKeysWith: { first, _ in first })
        return workflow.jobs.compactMap { job in
            guard !pushers.contains(job.id), let reader = job.steps.first(where: { $0.action.map(Self.readers.contains) ?? false }) else { return nil }
            guard pushers.isDisjoint(with: Self.ancestors(of: job.id, needs: needs)) else { return nil }
            return DoctorFinding(
                rule: id, severity: .warning, path: workflow.path, position: job.position,
                message: "job '\(job.id)' reads the image (\(reader.action ?? "")) but does not need the job that pushes it (\(pushers.sorted().joined(separator: ", ")))",
                why: "Jobs run in parallel unless ordered by needs:, so the SBOM or scan can run before the image is pushed.",
                fix: "    needs: [\(pushers.sorted().joined(separator: ", "))]")
        }
    }

    /// Every job `id` needs, directly or through others (cycles stop).
    static func ancestors(of id: String, needs: [String: [String]]) -> Set<String> {
        var seen = Set<String>()
        var pending = needs[id] ?? []
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            pending += needs[next] ?? []
        }
        return seen
    }
}
