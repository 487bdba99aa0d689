/// Checks an attestation matrix for the runbook's "multi-arch manifest shows only
/// one attestation" case: a platform lacking a kind of attestation another platform has.
public enum MatrixCheck {
    /// The kinds whose uneven presence across platforms is a finding.
    public static let checkedKinds: [PredicateKind] = [.provenance, .sbom]

    /// One finding per platform and kind that is missing while another platform has it.
    public static func findings(in report: InspectReport) -> [InspectReport.Finding] {
        guard report.platforms.count > 1 else { return [] }
        var findings: [InspectReport.Finding] = []
        for kind in checkedKinds {
            let having = report.platforms.filter { $0.has(kind) }
            guard !having.isEmpty, having.count < report.platforms.count else { continue }
            let names = having.map { $0.platform ?? $0.digest.description }.joined(separator: ", ")
            for entry in report.platforms where !entry.has(kind) {
                let platform = entry.platform ?? entry.digest.description
                findings.append(.init(
                    id: "platform-missing-\(kind.rawValue)",
                    platform: entry.platform,
                    message: "\(platform) has no \(kind.rawValue) attestation while \(names) has one: the multi-arch manifest shows only some platforms' attestations",
                    fix: fix(for: kind)))
            }
        }
        return findings
    }

    static func fix(for kind: PredicateKind) -> String {
        switch kind {
        case .provenance:
            "build every platform in one docker/build-push-action step with `provenance: mode=max` (BuildKit attaches one attestation manifest per platform), or attest each platform digest with `hallmark attest provenance`"
        case .sbom:
            "generate and attest an SBOM for each platform digest (`sbom: true` in build-push-action, or `hallmark attest sbom` per platform), not only for the first one"
        default:
            "attach the attestation to every platform manifest"
        }
    }
}
