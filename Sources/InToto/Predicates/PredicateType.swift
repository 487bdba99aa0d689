/// Well-known in-toto `predicateType` URIs.
public enum PredicateType {
    /// SLSA provenance v1 (also what GitHub's `actions/attest-build-provenance` writes).
    public static let slsaProvenanceV1 = "https://slsa.dev/provenance/v1"
    /// SLSA provenance v0.2 (BuildKit's default, older npm and GitHub tooling).
    public static let slsaProvenanceV02 = "https://slsa.dev/provenance/v0.2"
    /// An SPDX document as the predicate (any SPDX 2.x version).
    public static let spdx = "https://spdx.dev/Document"
    /// A CycloneDX BOM as the predicate.
    public static let cycloneDX = "https://cyclonedx.org/bom"
    /// An in-toto vulnerability scan result, v0.2.
    public static let vulnerabilities = "https://in-toto.io/attestation/vulns/v0.2"
}
