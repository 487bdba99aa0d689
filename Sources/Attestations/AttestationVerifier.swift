import OCIModel

/// Verifies the attestations of every platform of an image under a
/// ``VerificationPolicy``: finds them wherever they are stored, reads each one's
/// content and runs ``EnvelopeCheck`` against the platform's manifest digest. A
/// platform passes when at least one attestation passes every check; the
/// attestations that fail are reported with the check and the reason.
public struct AttestationVerifier: Sendable {
    public let source: any ContentSource
    public let policy: VerificationPolicy

    /// A verifier reading from `source`.
    public init(source: any ContentSource, policy: VerificationPolicy) {
        self.source = source
        self.policy = policy
    }

    /// Verifies the image at `tagOrDigest` (only `platform` when given; the index too with `includeIndex`).
    public func verify(_ tagOrDigest: String, name: String, platform: Platform? = nil, includeIndex: Bool = false) async throws -> VerificationReport {
        let inspected = try await AttestationDiscovery(source: source).inspect(tagOrDigest, name: name, platform: platform)
        let reader = AttestationContentReader(source: source)
        var subjects = inspected.platforms.map { ($0.platform ?? "manifest", $0.digest, $0.attestations) }
        if includeIndex, MediaType.isIndex(inspected.mediaType) {
            subjects.append(("index", inspected.digest, inspected.indexAttestations))
        }
        var results: [SubjectVerification] = []
        for (label, digest, found) in subjects {
            var result = SubjectVerification(label: label, digest: digest)
            for attestation in found where attestation.storage != .cosignSignatureTag {
                for envelope in try await reader.envelopes(of: attestation) {
                    let origin = AttestationOrigin(storage: attestation.storage, manifestDigest: attestation.manifestDigest,
                                                   claimedPredicateType: attestation.predicateType)
                    switch EnvelopeCheck.check(envelope, subject: digest, policy: policy) {
                    case .success(let verified): result.verified.append(VerifiedAttestation(origin: origin, verified: verified))
                    case .failure(let failure): result.rejected.append(RejectedAttestation(origin: origin, failure: failure))
                    }
                }
            }
            results.append(result)
        }
        return VerificationReport(name: name, digest: inspected.digest, predicateType: policy.predicateType, subjects: results)
    }
}
