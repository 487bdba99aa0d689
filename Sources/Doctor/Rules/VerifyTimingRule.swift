/// A step that verifies attestations right after the job pushed them, with nothing that
/// waits or tolerates a miss: the guide's section 6 (attestations may not be queryable
/// immediately after the upload, so the check can fail now and pass a minute later).
/// `cosign verify` is left alone: cosign's own push has completed when it returns.
struct VerifyTimingRule: WorkflowRule {
    let id = "verify-timing"
    static let verifiers = ["gh attestation verify", "hallmark verify", "hallmark inspect"]
    /// `imagetools inspect` verifies only when it looks at the attestations (not at `--raw` digests).
    static let imagetoolsAttestationFields = [".Provenance", ".SBOM", "attestation-manifest"]
    static let patience = ["sleep ", "until ", "retry", "--wait", "|| true", "|| echo", "for i in", "for attempt"]

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        workflow.jobs.flatMap { job -> [DoctorFinding] in
            guard let firstPush = job.steps.firstIndex(where: { LoginOrderRule.push($0) != nil }) else { return [] }
            return job.steps[(firstPush + 1)...].compactMap { step -> DoctorFinding? in
                guard let run = step.run, step.continueOnError == nil, Self.verifies(run), !Self.patience.contains(where: run.has) else { return nil }
                return DoctorFinding(
                    rule: id, severity: .info, path: workflow.path, position: step.position,
                    message: "job '\(job.id)' verifies attestations right after pushing them, with no wait or retry",
                    why: "Attestation uploads become visible asynchronously: a verification straight after the push can fail although a later one passes.",
                    fix: "        run: hallmark inspect \"$IMAGE\" --expect provenance --wait 2m   # polls until every platform shows it")
            }
        }
    }

    /// Whether a script checks attestations in the registry or GitHub's attestation store.
    static func verifies(_ run: String) -> Bool {
        verifiers.contains(where: run.has) || (run.has("imagetools inspect") && imagetoolsAttestationFields.contains(where: run.has))
    }
}
