import OCIModel

/// Where an attestation was stored.
public enum AttestationStorage: String, Sendable, Codable {
    /// A BuildKit attestation manifest inside the image index (`vnd.docker.reference.type`).
    case buildkit = "buildkit-attestation-manifest"
    /// An OCI 1.1 referrer (found through the referrers API or its tag-schema fallback).
    case referrer = "oci-referrer"
    /// A cosign `sha256-<hex>.att` tag.
    case cosignAttestationTag = "cosign-att-tag"
    /// A cosign `sha256-<hex>.sig` tag.
    case cosignSignatureTag = "cosign-sig-tag"
}

/// One attestation found for a manifest.
public struct FoundAttestation: Sendable, Codable, Hashable {
    /// The in-toto predicate type (or, for artifacts without one, the artifact type).
    public var predicateType: String
    /// What the predicate type says it is.
    public var kind: PredicateKind
    /// How it is stored.
    public var storage: AttestationStorage
    /// The manifest that holds it (the attestation manifest, referrer or tagged image).
    public var manifestDigest: Digest
    /// The layer holding the statement or bundle, when known.
    public var layerDigest: Digest?
    /// The media type of that layer (or of the referrer's artifact).
    public var mediaType: String?
    /// The tag it was found under, for cosign-style storage.
    public var tag: String?

    public init(
        predicateType: String, storage: AttestationStorage, manifestDigest: Digest,
        layerDigest: Digest? = nil, mediaType: String? = nil, tag: String? = nil
    ) {
        self.predicateType = predicateType
        self.kind = PredicateKind.classify(predicateType)
        self.storage = storage
        self.manifestDigest = manifestDigest
        self.layerDigest = layerDigest
        self.mediaType = mediaType
        self.tag = tag
    }
}
