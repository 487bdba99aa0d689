/// Tags derived from a manifest digest: the OCI referrers tag schema and cosign's.
public enum ReferrersTag {
    /// The OCI 1.1 fallback tag: `<alg>-<hex>` truncated to 128 characters.
    public static func fallback(for digest: Digest) -> String {
        String("\(digest.algorithm.rawValue)-\(digest.encoded)".prefix(128))
    }

    /// cosign's attestation image tag: `sha256-<hex>.att`.
    public static func cosignAttestations(for digest: Digest) -> String { "\(digest.algorithm.rawValue)-\(digest.encoded).att" }

    /// cosign's signature image tag: `sha256-<hex>.sig`.
    public static func cosignSignatures(for digest: Digest) -> String { "\(digest.algorithm.rawValue)-\(digest.encoded).sig" }
}
