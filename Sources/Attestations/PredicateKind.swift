/// What an attestation's predicate type says it is.
public enum PredicateKind: String, Sendable, Codable, CaseIterable {
    case provenance
    case sbom
    case vulnerability
    case signature
    case other

    /// Classifies an in-toto predicate type URI (or an artifact media type).
    public static func classify(_ predicateType: String) -> PredicateKind {
        let t = predicateType.lowercased()
        if t.hasPrefix("https://slsa.dev/provenance/") { return .provenance }
        if t.hasPrefix("https://spdx.dev/document") || t.hasPrefix("https://cyclonedx.org/bom")
            || t == "application/spdx+json" || t == "application/vnd.cyclonedx+json" || t.hasPrefix("https://spdx.org/")
        { return .sbom }
        if t.hasPrefix("https://in-toto.io/attestation/vulns") || t.hasPrefix("https://cosign.sigstore.dev/attestation/vuln") {
            return .vulnerability
        }
        return .other
    }

    /// Parses the names `--expect` takes (`provenance`, `sbom`, `vuln`/`vulnerability`).
    public init?(expectation: String) {
        switch expectation.lowercased() {
        case "provenance", "slsa": self = .provenance
        case "sbom", "spdx", "cyclonedx": self = .sbom
        case "vuln", "vulnerability", "vulnerabilities": self = .vulnerability
        default: return nil
        }
    }
}

/// A human label for a predicate type: `SLSA provenance v1`, `SPDX`, …
public enum PredicateLabel {
    public static func of(_ predicateType: String) -> String {
        switch predicateType {
        case "https://slsa.dev/provenance/v0.2": "SLSA provenance v0.2"
        case "https://slsa.dev/provenance/v1": "SLSA provenance v1"
        case "https://spdx.dev/Document", "application/spdx+json": "SPDX"
        case "https://cyclonedx.org/bom", "application/vnd.cyclonedx+json": "CycloneDX"
        case "https://in-toto.io/attestation/vulns/v0.1", "https://in-toto.io/attestation/vulns/v0.2",
             "https://cosign.sigstore.dev/attestation/vuln/v1": "vulnerability scan"
        default:
            if predicateType.hasPrefix("https://spdx.dev/Document") { "SPDX" }
            else if predicateType.hasPrefix("https://cyclonedx.org/bom") { "CycloneDX" }
            else { predicateType }
        }
    }
}
