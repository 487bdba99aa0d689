/// Which of Hallmark's algorithms a PKCS#8 or SubjectPublicKeyInfo AlgorithmIdentifier names.
enum AlgorithmIdentifier {
    /// The algorithm of `element` (`SEQUENCE { OID, parameters }`).
    static func algorithm(_ element: DERElement, what: String) throws(KeyError) -> SigningAlgorithm {
        let parts = try element.children(what: what)
        guard let oid = parts.first else { throw .malformed("\(what): empty AlgorithmIdentifier") }
        let identifier = try oid.content(DERElement.objectIdentifier, what: what)
        if Array(identifier) == ObjectIdentifiers.ed25519 { return .ed25519 }
        guard Array(identifier) == ObjectIdentifiers.ecPublicKey else {
            throw .unsupportedAlgorithm(ObjectIdentifiers.dotted(identifier))
        }
        guard parts.count == 2, let curve = try? parts[1].content(DERElement.objectIdentifier, what: what) else {
            throw .malformed("\(what): EC key without a named curve")
        }
        switch Array(curve) {
        case ObjectIdentifiers.prime256v1: return .ecdsaP256
        case ObjectIdentifiers.secp384r1: return .ecdsaP384
        default: throw KeyError("unsupported elliptic curve (OID \(ObjectIdentifiers.dotted(curve))); use P-256 or P-384")
        }
    }

    /// The AlgorithmIdentifier of Ed25519 keys (no parameters), encoded.
    static let ed25519 = DERElement.encode(DERElement.sequence, DERElement.encode(DERElement.objectIdentifier, ObjectIdentifiers.ed25519))
}
