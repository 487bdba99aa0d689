import Attestations
import OCIModel
import Reporting

/// The human form of an inspect report.
enum InspectText {
    static func render(_ report: InspectReport, expected: [PredicateKind]) -> String {
        var lines = [
            "Name:      \(report.name)",
            "MediaType: \(report.mediaType)",
            "Digest:    \(report.digest)",
            "",
        ]
        var table = TextTable(headers: ["PLATFORM", "DIGEST", "PROVENANCE", "SBOM", "OTHER"])
        for entry in report.platforms {
            table.append([
                entry.platform ?? "-", entry.digest.description,
                mark(entry, .provenance), mark(entry, .sbom),
                String(entry.attestations.filter { $0.kind != .provenance && $0.kind != .sbom }.count),
            ])
        }
        lines.append(table.render())
        for entry in report.platforms where !entry.attestations.isEmpty {
            lines.append("")
            lines.append("\(entry.platform ?? "-") \(entry.digest):")
            lines += entry.attestations.map(describe)
        }
        if !report.indexAttestations.isEmpty {
            lines.append("")
            lines.append("index \(report.digest):")
            lines += report.indexAttestations.map(describe)
        }
        let missing = report.missing(expected)
        if !report.findings.isEmpty || !missing.isEmpty {
            lines.append("")
            lines.append("Findings:")
            for finding in report.findings {
                lines.append("  ✗ \(finding.message)")
                if let fix = finding.fix { lines.append("    fix: \(fix)") }
            }
            for (entry, kind) in missing {
                lines.append("  ✗ \(entry.platform ?? entry.digest.description): expected a \(kind.rawValue) attestation, none found")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func mark(_ entry: InspectReport.PlatformEntry, _ kind: PredicateKind) -> String {
        let found = entry.attestations.filter { $0.kind == kind }
        return found.isEmpty ? "missing" : Set(found.map { PredicateLabel.of($0.predicateType) }).sorted().joined(separator: ", ")
    }

    static func describe(_ attestation: FoundAttestation) -> String {
        var line = "  \(PredicateLabel.of(attestation.predicateType))  [\(attestation.storage.rawValue)]  \(attestation.manifestDigest)"
        if let tag = attestation.tag { line += "  tag \(tag)" }
        return line
    }
}
