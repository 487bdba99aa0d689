import Doctor
import Foundation

/// The troubleshooting guide's escalation bundle: the full log, the error lines, the
/// commands used to verify, the workflow file when the log names one, the event type,
/// and an expected-versus-actual template to fill in.
struct EscalationBundle {
    let directory: String

    func write(log: [UInt8], source: String, diagnoses: [LogClassifier.Diagnosis]) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try OutputTarget.file("\(directory)/log.txt").write(log)
        let errors = diagnoses.flatMap { diagnosis in diagnosis.lines.map { "\(source):\($0.number): [\(diagnosis.category)] \($0.text)" } }
        try OutputTarget.file("\(directory)/error-lines.txt").write(Array((errors.joined(separator: "\n") + "\n").utf8))
        let commands = Array(Set(diagnoses.flatMap(\.verify))).sorted()
        try OutputTarget.file("\(directory)/verification-commands.sh").write(
            Array(("#!/bin/sh\n# Commands that verify the fix (from hallmark triage)\n" + commands.joined(separator: "\n") + "\n").utf8))
        let environment = ProcessInfo.processInfo.environment
        if let workflow = environment["GITHUB_WORKFLOW_REF"].flatMap(Self.workflowPath), FileManager.default.fileExists(atPath: workflow) {
            try OutputTarget.file("\(directory)/workflow.yml").write(try FileInput.read(workflow))
        }
        let report = """
            # Escalation: \(diagnoses.first?.title ?? "unrecognised CI failure")

            - Category: \(diagnoses.map(\.category).joined(separator: ", "))
            - Event type: \(environment["GITHUB_EVENT_NAME"] ?? "(fill in: push, pull_request, release, …)")
            - Workflow: \(environment["GITHUB_WORKFLOW_REF"] ?? "(fill in)")
            - Run: \(environment["GITHUB_RUN_ID"].map { "\(environment["GITHUB_SERVER_URL"] ?? "https://github.com")/\(environment["GITHUB_REPOSITORY"] ?? "OWNER/REPO")/actions/runs/\($0)" } ?? "(fill in)")

            ## Expected

            (what should have happened)

            ## Actual

            \(errors.prefix(10).map { "    \($0)" }.joined(separator: "\n"))

            ## Tried

            \(diagnoses.first?.resolution.map { "- [ ] \($0)" }.joined(separator: "\n") ?? "")

            Files: log.txt, error-lines.txt, verification-commands.sh\(FileManager.default.fileExists(atPath: "\(directory)/workflow.yml") ? ", workflow.yml" : "").
            """
        try OutputTarget.file("\(directory)/ESCALATION.md").write(Array(report.utf8))
    }

    /// `owner/repo/.github/workflows/x.yml@ref` → `.github/workflows/x.yml` (relative to the checkout).
    static func workflowPath(_ ref: String) -> String? {
        guard let start = ref.range(of: ".github/workflows/") else { return nil }
        return String(ref[start.lowerBound...].prefix { $0 != "@" })
    }
}
