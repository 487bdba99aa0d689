import InToto

/// What an attestation must satisfy to count: a signature by one of `keys`, and a
/// statement of `predicateType` whose subjects include the attested digest.
public struct VerificationPolicy: Sendable {
    public var keys: [VerificationKey]
    public var predicateType: String

    /// A policy requiring `predicateType` (by default SLSA provenance v1, as `gh attestation verify`).
    public init(keys: [VerificationKey], predicateType: String = PredicateType.slsaProvenanceV1) {
        self.keys = keys
        self.predicateType = predicateType
    }
}
