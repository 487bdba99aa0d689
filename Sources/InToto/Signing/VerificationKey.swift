import Crypto
import Foundation
import OCIModel

/// A public key to verify signatures with, read from and written as a
/// SubjectPublicKeyInfo `PUBLIC KEY` PEM.
public struct VerificationKey: Sendable {
    enum Backing: Sendable {
        case p256(CryptoKeyBox<P256.Signing.PublicKey>)
        case p384(CryptoKeyBox<P384.Signing.PublicKey>)
        case ed25519(CryptoKeyBox<Curve25519.Signing.PublicKey>)
    }

    let backing: Backing

    init(backing: Backing) {
        self.backing = backing
    }

    /// Reads the first PEM block of `pem`, which must be a `PUBLIC KEY`.
    public init(pem: String) throws(KeyError) {
        let (label, der) = try PEM.decode(pem)
        guard label == "PUBLIC KEY" else {
            throw KeyError("PEM block '\(label)' is not a public key; expected 'PUBLIC KEY' (for example the .pub file of 'hallmark key generate')")
        }
        try self.init(derRepresentation: der)
    }

    /// Reads a SubjectPublicKeyInfo in DER (as found in a certificate).
    public init(derRepresentation der: [UInt8]) throws(KeyError) {
        let what = "public key"
        let parts = try DERElement.parse(der[...], what: what).children(what: what)
        guard parts.count == 2 else { throw .malformed(what) }
        switch try AlgorithmIdentifier.algorithm(parts[0], what: what) {
        case .ecdsaP256:
            guard let key = try? P256.Signing.PublicKey(derRepresentation: der) else { throw .malformed("\(what) (P-256)") }
            backing = .p256(CryptoKeyBox(key))
        case .ecdsaP384:
            guard let key = try? P384.Signing.PublicKey(derRepresentation: der) else { throw .malformed("\(what) (P-384)") }
            backing = .p384(CryptoKeyBox(key))
        case .ed25519:
            let bits = try parts[1].content(DERElement.bitString, what: what)
            guard bits.count == 33, bits.first == 0, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: bits.dropFirst()) else {
                throw .malformed("\(what) (Ed25519 needs 32 bytes)")
            }
            backing = .ed25519(CryptoKeyBox(key))
        }
    }

    public var algorithm: SigningAlgorithm {
        switch backing {
        case .p256: .ecdsaP256
        case .p384: .ecdsaP384
        case .ed25519: .ed25519
        }
    }

    /// The SubjectPublicKeyInfo DER.
    public var derRepresentation: [UInt8] {
        switch backing {
        case .p256(let key): Array(key.key.derRepresentation)
        case .p384(let key): Array(key.key.derRepresentation)
        case .ed25519(let key):
            DERElement.encode(DERElement.sequence, AlgorithmIdentifier.ed25519 + DERElement.encode(DERElement.bitString, [0] + Array(key.key.rawRepresentation)))
        }
    }

    /// SubjectPublicKeyInfo PEM (`PUBLIC KEY`).
    public var pemRepresentation: String { PEM.encode(derRepresentation, label: "PUBLIC KEY") }

    /// The key's id: lowercase hex SHA-256 of its SubjectPublicKeyInfo DER (what
    /// Hallmark writes as DSSE `keyid` and bundle `publicKey.hint`).
    public var keyID: String { Hex.encode(SHA256.hash(data: derRepresentation)) }

    /// Whether `signature` is this key's signature of `message`. ECDSA signatures may be
    /// DER-encoded or raw `r||s`.
    public func isValidSignature(_ signature: Data, for message: Data) -> Bool {
        switch backing {
        case .p256(let key):
            guard let parsed = (try? P256.Signing.ECDSASignature(derRepresentation: signature))
                ?? (try? P256.Signing.ECDSASignature(rawRepresentation: signature)) else { return false }
            return key.key.isValidSignature(parsed, for: message)
        case .p384(let key):
            guard let parsed = (try? P384.Signing.ECDSASignature(derRepresentation: signature))
                ?? (try? P384.Signing.ECDSASignature(rawRepresentation: signature)) else { return false }
            return key.key.isValidSignature(parsed, for: message)
        case .ed25519(let key):
            return key.key.isValidSignature(signature, for: message)
        }
    }
}
