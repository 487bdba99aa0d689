/// Vulnerability scans that never fail the build.
struct ScanWithoutThresholdRule: WorkflowRule {
    let id = "scan-without-threshold"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        workflow.jobs.flatMap { job in
            job.steps.compactMap { step -> DoctorFinding? in
                let unguarded: Bool
                if step.action == "anchore/scan-action" {
                    unguarded = step.inputs["severity-cutoff"] == nil && (step.inputs["fail-build"] ?? "true") == "false"
                        || step.inputs["severity-cutoff"] == nil && step.inputs["fail-build"] == nil
                } else if let run = step.run, Self.invokesGrype(run) {
                    unguarded = !run.has("--fail-on") && !run.has("-f ")
                } else {
                    return nil
                }
                guard unguarded else { return nil }
                return DoctorFinding(
                    rule: id, severity: .warning, path: workflow.path, position: step.position,
                    message: "a vulnerability scan in job '\(job.id)' has no severity threshold",
                    why: "The runbook's scan fails on critical vulnerabilities; without a threshold the scan never fails the build.",
                    fix: step.action == "anchore/scan-action" ? "        with:\n          severity-cutoff: critical\n          fail-build: true" : "        run: grype … --fail-on critical")
            }
        }
    }

    /// Whether a shell script runs grype (a command line starting with it, not a comment).
    static func invokesGrype(_ run: String) -> Bool {
        run.utf8.split(separator: UInt8(ascii: "\n")).contains { line in
            let command = Substring(line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
            return !command.hasPrefix("#") && (command.hasPrefix("grype ") || command.has("/grype "))
        }
    }
}
