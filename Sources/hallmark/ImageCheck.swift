import Attestations
import Doctor
import OCIModel

/// `hallmark doctor --image`: the guide's manual verification step in one command: the
/// image exists, and every platform has provenance (and the other expected kinds);
/// for what is missing, the likely causes among the workflow findings.
struct ImageCheck {
    let image: String
    let expect: String
    let options: RegistryOptions

    /// The rules whose findings explain a missing attestation.
    static let causes: Set<String> = ["missing-id-token", "missing-attestations-write", "buildx-missing", "provenance-mode", "attest-on-pull-request", "missing-packages-write"]

    /// Prints the check; returns whether something expected is missing.
    func run(workflowFindings: [DoctorFinding]) async throws -> Bool {
        let kinds = try expect.split(separator: ",").map { name in
            guard let kind = PredicateKind(expectation: String(name).trimmingCharacters(in: .whitespaces)) else {
                throw UsageError("--expect: unknown attestation kind '\(name)'; use provenance, sbom or vuln")
            }
            return kind
        }
        let location = try await ImageLocation.openSource(image, options: options)
        defer { location.close() }
        let report = try await AttestationDiscovery(source: location.source).inspect(location.tagOrDigest, name: location.name)
        let missing = report.missing(kinds)
        Terminal.print("\nImage \(report.name) (\(report.digest)): \(report.platforms.count) platforms")
        for entry in report.platforms {
            let marks = kinds.map { "\($0.rawValue) \(entry.has($0) ? "✓" : "✗")" }.joined(separator: ", ")
            Terminal.print("  \(entry.platform ?? "manifest") \(entry.digest): \(marks)")
        }
        for finding in report.findings { Terminal.print("  \(finding.message)") }
        guard !missing.isEmpty else { return false }
        let causes = workflowFindings.filter { Self.causes.contains($0.rule) }
        Terminal.print(causes.isEmpty
            ? "  Likely causes: none visible in the workflows given; check the attest step ran for every platform digest (hallmark triage LOG)."
            : "  Likely causes in the workflows:\n" + causes.map { "    \($0.path):\($0.position.line) [\($0.rule)] \($0.message)" }.joined(separator: "\n"))
        return true
    }
}
