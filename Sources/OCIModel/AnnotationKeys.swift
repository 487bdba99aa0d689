/// Annotation keys Hallmark reads and writes (OCI, BuildKit, cosign, in-toto, Sigstore).
public enum AnnotationKey {
    /// OCI layout: the tag of an `index.json` entry.
    public static let refName = "org.opencontainers.image.ref.name"
    /// OCI: when an artifact was created (RFC 3339).
    public static let created = "org.opencontainers.image.created"
    /// BuildKit: `attestation-manifest` marks an attestation manifest in an index.
    public static let dockerReferenceType = "vnd.docker.reference.type"
    /// BuildKit: the digest of the platform manifest an attestation manifest is about.
    public static let dockerReferenceDigest = "vnd.docker.reference.digest"
    /// BuildKit: the value of ``dockerReferenceType`` for attestation manifests.
    public static let attestationManifest = "attestation-manifest"
    /// BuildKit: the predicate type of an in-toto layer.
    public static let inTotoPredicateType = "in-toto.io/predicate-type"
    /// cosign: the predicate type of an attestation layer in a `.att` image.
    public static let cosignPredicateType = "predicateType"
    /// cosign: a signature layer's base64 signature.
    public static let cosignSignature = "dev.cosignproject.cosign/signature"
    /// Sigstore bundles as OCI referrers: the predicate type of the bundled statement.
    public static let sigstorePredicateType = "dev.sigstore.bundle.predicateType"
    /// Sigstore bundles as OCI referrers: the bundle's content kind (`dsse-envelope`).
    public static let sigstoreContent = "dev.sigstore.bundle.content"
}
