/// Size limits for attestation content read back from a registry or layout.
public enum AttestationBundleLimits {
    /// The largest bundle or statement layer read: GitHub's 16 MiB predicate limit,
    /// plus room for the envelope's base64 and verification material.
    public static let maxBundleSize = 32 << 20
}
