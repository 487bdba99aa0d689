/// The signature algorithms of Hallmark's keys: ECDSA over P-256 with SHA-256 (what
/// cosign and Sigstore use by default), ECDSA over P-384 with SHA-384, and Ed25519.
public enum SigningAlgorithm: String, Sendable, CaseIterable, Codable {
    case ecdsaP256 = "ecdsa-p256"
    case ecdsaP384 = "ecdsa-p384"
    case ed25519
}
