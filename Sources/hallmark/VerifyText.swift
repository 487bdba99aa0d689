import Attestations
import InToto
import Reporting

/// The human form of a verification report.
enum VerifyText {
    static func render(_ report: VerificationReport) -> String {
        var lines = [
            "Name:           \(report.name)",
            "Digest:         \(report.digest)",
            "Predicate type: \(report.predicateType)",
            "",
        ]
        var table = TextTable(headers: ["SUBJECT", "DIGEST", "RESULT", "VERIFIED", "REJECTED"])
        for subject in report.subjects {
            table.append([subject.label, subject.digest.description, subject.passed ? "✓ verified" : "✗ FAILED",
                          String(subject.verified.count), String(subject.rejected.count)])
        }
        lines.append(table.render())
        for subject in report.subjects {
            lines.append("")
            lines.append("\(subject.label) \(subject.digest):")
            for verified in subject.verified {
                var line = "  ✓ \(origin(verified.origin)): signed by key \(verified.keyID)"
                if let summary = ProvenanceSummary(statement: verified.statement), let builder = summary.builderID {
                    line += "; builder \(builder)"
                    if let repository = summary.sourceRepository { line += ", source \(repository)" }
                    if let commit = summary.sourceCommit { line += "@\(commit)" }
                }
                lines.append(line)
            }
            for rejected in subject.rejected {
                lines.append("  ✗ \(origin(rejected.origin)): \(rejected.failure)")
            }
            if subject.verified.isEmpty && subject.rejected.isEmpty {
                lines.append("  ✗ no attestation found; attach one with 'hallmark attest provenance IMAGE --key KEY --push'")
            }
        }
        lines.append("")
        lines.append(report.passed ? "Verified: every subject has a valid attestation." : "Verification failed.")
        return lines.joined(separator: "\n")
    }

    private static func origin(_ origin: AttestationOrigin) -> String {
        if let file = origin.file { return file }
        let storage = origin.storage?.rawValue ?? "attestation"
        let type = origin.claimedPredicateType.map { " (\(PredicateLabel.of($0)))" } ?? ""
        return "\(storage) \(origin.manifestDigest?.description ?? "")\(type)"
    }
}
