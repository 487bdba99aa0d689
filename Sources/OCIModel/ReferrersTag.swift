/// Tags derived from a manifest digest: the OCI referrers tag schema and cosign's.
public enum ReferrersTag {
    /// The OCI 1.1 fallback tag: `<alg>-<ref>`, where `<ref>` is the hex part
    /// limited to 64 characters (distribution spec, referrers tag schema).
    public static func fallback(for digest: Digest) -> String {
        "\(digest.algorithm.rawValue)-\(digest.encoded.prefix(64))"
    }

    /// cosign's attestation image tag: `sha256-<hex>.att`.
    public static func cosignAttestations(for digest: Digest) -> String { "\(digest.algorithm.rawValue)-\(digest.encoded).att" }

    /// cosign's signature image tag: `sha256-<hex>.sig`.
    public static func cosignSignatures(for digest: Digest) -> String { "\(digest.algorithm.rawValue)-\(digest.encoded).sig" }
}
