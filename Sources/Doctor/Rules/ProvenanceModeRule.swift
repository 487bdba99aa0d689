/// How docker/build-push-action records provenance: absent means `mode=min` for pushed
/// images, `false` means none; the PR gating expression
/// `github.event_name != 'pull_request' && 'mode=max' || 'false'` is intentional.
struct ProvenanceModeRule: WorkflowRule {
    let id = "provenance-mode"
    static let gating = "github.event_name != 'pull_request' && 'mode=max' || 'false'"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        workflow.jobs.flatMap { job in
            job.steps.compactMap { step -> DoctorFinding? in
                guard step.isPushingBuild else { return nil }
                let value = step.inputs["provenance"]
                if let value, value.has("${{") { return nil }  // expressions (the PR gating among them) are intentional
                let message: String
                let severity: DoctorFinding.Severity
                switch value?.lowercased() {
                case nil: (message, severity) = ("provenance is not set: pushed images get mode=min provenance", .info)
                case "false": (message, severity) = ("provenance: false: the image gets no build provenance", .warning)
                case "true", "mode=min": (message, severity) = ("provenance: \(value ?? "") records mode=min provenance (no build inputs)", .info)
                default: return nil
                }
                return DoctorFinding(
                    rule: id, severity: severity, path: workflow.path, position: step.inputPositions["provenance"] ?? step.position, message: message,
                    why: "mode=max provenance records the build's inputs; gate it off for pull requests rather than disabling it.",
                    fix: "          provenance: ${{ \(Self.gating) }}")
            }
        }
    }
}
