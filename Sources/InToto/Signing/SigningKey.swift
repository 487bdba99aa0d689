import Crypto
import Foundation
import OCIModel

/// A private signing key: ECDSA P-256 or P-384, or Ed25519. Read from PKCS#8
/// (`PRIVATE KEY`), encrypted PKCS#8 (`ENCRYPTED PRIVATE KEY`, PBES2) or SEC1
/// (`EC PRIVATE KEY`) PEM; written as PKCS#8, encrypted when given a passphrase.
public struct SigningKey: Sendable {
    enum Backing: Sendable {
        case p256(CryptoKeyBox<P256.Signing.PrivateKey>)
        case p384(CryptoKeyBox<P384.Signing.PrivateKey>)
        case ed25519(CryptoKeyBox<Curve25519.Signing.PrivateKey>)
    }

    let backing: Backing

    /// A new random key.
    public static func generate(_ algorithm: SigningAlgorithm) -> SigningKey {
        switch algorithm {
        case .ecdsaP256: SigningKey(backing: .p256(CryptoKeyBox(P256.Signing.PrivateKey())))
        case .ecdsaP384: SigningKey(backing: .p384(CryptoKeyBox(P384.Signing.PrivateKey())))
        case .ed25519: SigningKey(backing: .ed25519(CryptoKeyBox(Curve25519.Signing.PrivateKey())))
        }
    }

    init(backing: Backing) {
        self.backing = backing
    }

    /// Reads the first PEM block of `pem`; an encrypted key needs `passphrase`.
    public init(pem: String, passphrase: String?) throws(KeyError) {
        let (label, der) = try PEM.decode(pem)
        switch label {
        case "PRIVATE KEY":
            self = try Self.pkcs8(der[...])
        case "ENCRYPTED PRIVATE KEY":
            guard let passphrase else {
                throw KeyError("the private key is encrypted; set HALLMARK_PASSWORD to its passphrase")
            }
            let decrypted = try EncryptedPrivateKey.decrypt(der[...], passphrase: passphrase)
            // A wrong passphrase occasionally decrypts with valid padding; what comes out is then no key.
            guard let key = try? Self.pkcs8(decrypted[...]) else {
                throw KeyError.wrongPassphrase
            }
            self = key
        case "EC PRIVATE KEY":
            if let key = try? P256.Signing.PrivateKey(derRepresentation: der) {
                self.init(backing: .p256(CryptoKeyBox(key)))
            } else if let key = try? P384.Signing.PrivateKey(derRepresentation: der) {
                self.init(backing: .p384(CryptoKeyBox(key)))
            } else {
                throw .malformed("EC PRIVATE KEY (only P-256 and P-384 are supported)")
            }
        default:
            throw KeyError("PEM block '\(label)' is not a private key; expected 'PRIVATE KEY', 'ENCRYPTED PRIVATE KEY' or 'EC PRIVATE KEY'")
        }
    }

    /// A PKCS#8 PrivateKeyInfo.
    static func pkcs8(_ der: ArraySlice<UInt8>) throws(KeyError) -> SigningKey {
        let what = "PKCS#8 private key"
        let parts = try DERElement.parse(der, what: what).children(what: what)
        guard parts.count >= 3 else { throw .malformed(what) }
        switch try AlgorithmIdentifier.algorithm(parts[1], what: what) {
        case .ecdsaP256:
            guard let key = try? P256.Signing.PrivateKey(derRepresentation: der) else { throw .malformed("\(what) (P-256)") }
            return SigningKey(backing: .p256(CryptoKeyBox(key)))
        case .ecdsaP384:
            guard let key = try? P384.Signing.PrivateKey(derRepresentation: der) else { throw .malformed("\(what) (P-384)") }
            return SigningKey(backing: .p384(CryptoKeyBox(key)))
        case .ed25519:
            let inner = try DERElement.parse(try parts[2].content(DERElement.octetString, what: what), what: what)
            let seed = try inner.content(DERElement.octetString, what: what)
            guard seed.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else {
                throw .malformed("\(what) (Ed25519 needs a 32-byte seed)")
            }
            return SigningKey(backing: .ed25519(CryptoKeyBox(key)))
        }
    }

    public var algorithm: SigningAlgorithm {
        switch backing {
        case .p256: .ecdsaP256
        case .p384: .ecdsaP384
        case .ed25519: .ed25519
        }
    }

    /// The matching public key.
    public var publicKey: VerificationKey {
        switch backing {
        case .p256(let key): VerificationKey(backing: .p256(CryptoKeyBox(key.key.publicKey)))
        case .p384(let key): VerificationKey(backing: .p384(CryptoKeyBox(key.key.publicKey)))
        case .ed25519(let key): VerificationKey(backing: .ed25519(CryptoKeyBox(key.key.publicKey)))
        }
    }

    /// The key as PKCS#8 DER.
    var pkcs8DER: [UInt8] {
        switch backing {
        case .p256(let key): Array(key.key.derRepresentation)
        case .p384(let key): Array(key.key.derRepresentation)
        case .ed25519(let key):
            DERElement.encode(DERElement.sequence, DERElement.encodeInteger(0) + AlgorithmIdentifier.ed25519
                + DERElement.encode(DERElement.octetString, DERElement.encode(DERElement.octetString, Array(key.key.rawRepresentation))))
        }
    }

    /// PKCS#8 PEM: `ENCRYPTED PRIVATE KEY` (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC) with a
    /// passphrase, else `PRIVATE KEY`.
    public func pemRepresentation(passphrase: String?) throws -> String {
        guard let passphrase else { return PEM.encode(pkcs8DER, label: "PRIVATE KEY") }
        return PEM.encode(try EncryptedPrivateKey.encrypt(pkcs8DER, passphrase: passphrase), label: "ENCRYPTED PRIVATE KEY")
    }

    /// The signature of `message`: ECDSA (SHA-256 for P-256, SHA-384 for P-384) DER-encoded,
    /// as OpenSSL, cosign and Sigstore write it; or the 64-byte Ed25519 signature.
    public func sign(_ message: Data) throws -> Data {
        switch backing {
        case .p256(let key): try key.key.signature(for: message).derRepresentation
        case .p384(let key): try key.key.signature(for: message).derRepresentation
        case .ed25519(let key): try key.key.signature(for: message)
        }
    }
}
