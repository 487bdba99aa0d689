import Crypto
import _CryptoExtras
import Foundation

/// PKCS#8 EncryptedPrivateKeyInfo with PBES2 (RFC 8018): PBKDF2 (HMAC-SHA256, or
/// HMAC-SHA1 as older OpenSSL wrote) derives an AES-256-CBC key from the passphrase.
/// This is what `openssl genpkey -aes-256-cbc` and `openssl pkcs8 -topk8 -v2 aes-256-cbc` write.
enum EncryptedPrivateKey {
    /// PBKDF2 iterations of keys Hallmark writes (OWASP's figure for PBKDF2-HMAC-SHA256).
    static let iterations = 600_000
    /// The most iterations accepted when reading, so a hostile key cannot stall us.
    static let maxIterations = 10_000_000

    /// The PKCS#8 DER inside `der`.
    static func decrypt(_ der: ArraySlice<UInt8>, passphrase: String) throws(KeyError) -> [UInt8] {
        let what = "encrypted private key"
        let outer = try DERElement.parse(der, what: what).children(what: what)
        guard outer.count == 2 else { throw .malformed(what) }
        let algorithm = try outer[0].children(what: what)
        guard algorithm.count == 2, Array(try algorithm[0].content(DERElement.objectIdentifier, what: what)) == ObjectIdentifiers.pbes2 else {
            throw KeyError("\(what): only PBES2 encryption is supported (openssl pkcs8 -topk8 -v2 aes-256-cbc)")
        }
        let parameters = try algorithm[1].children(what: what)
        guard parameters.count == 2 else { throw .malformed("\(what): PBES2 parameters") }
        let kdf = try parameters[0].children(what: what)
        guard kdf.count == 2, Array(try kdf[0].content(DERElement.objectIdentifier, what: what)) == ObjectIdentifiers.pbkdf2 else {
            throw KeyError("\(what): only PBKDF2 key derivation is supported")
        }
        let pbkdf2 = try kdf[1].children(what: what)
        guard pbkdf2.count >= 2 else { throw .malformed("\(what): PBKDF2 parameters") }
        let salt = try pbkdf2[0].content(DERElement.octetString, what: what)
        let rounds = try pbkdf2[1].integer(what: "\(what) iteration count")
        guard (1...maxIterations).contains(rounds) else {
            throw KeyError("\(what): PBKDF2 iteration count \(rounds) is outside 1…\(maxIterations)")
        }
        var hash = KDF.Insecure.PBKDF2.HashFunction.insecureSHA1
        if let prf = pbkdf2.dropFirst(2).first(where: { $0.tag == DERElement.sequence }) {
            let prfOID = Array(try prf.children(what: what).first?.content(DERElement.objectIdentifier, what: what) ?? [])
            switch prfOID {
            case ObjectIdentifiers.hmacWithSHA256: hash = .sha256
            case ObjectIdentifiers.hmacWithSHA1: hash = .insecureSHA1
            default: throw KeyError("\(what): unsupported PBKDF2 hash (OID \(ObjectIdentifiers.dotted(prfOID[...]))); use HMAC-SHA256")
            }
        }
        let cipher = try parameters[1].children(what: what)
        guard cipher.count == 2, Array(try cipher[0].content(DERElement.objectIdentifier, what: what)) == ObjectIdentifiers.aes256CBC else {
            throw KeyError("\(what): only AES-256-CBC encryption is supported")
        }
        let iv = try cipher[1].content(DERElement.octetString, what: what)
        let encrypted = try outer[1].content(DERElement.octetString, what: what)
        do {
            let key = try KDF.Insecure.PBKDF2.deriveKey(from: Array(passphrase.utf8), salt: Array(salt), using: hash,
                                                        outputByteCount: 32, unsafeUncheckedRounds: rounds)
            return Array(try AES._CBC.decrypt(Array(encrypted), using: key, iv: try AES._CBC.IV(ivBytes: iv)))
        } catch {
            throw KeyError.wrongPassphrase
        }
    }

    /// `pkcs8` encrypted with `passphrase` under a random salt and IV.
    static func encrypt(_ pkcs8: [UInt8], passphrase: String) throws -> [UInt8] {
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max) }
        let ivBytes = (0..<16).map { _ in UInt8.random(in: .min ... .max) }
        let iv = try AES._CBC.IV(ivBytes: ivBytes)
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: Array(passphrase.utf8), salt: salt, using: .sha256,
                                                    outputByteCount: 32, unsafeUncheckedRounds: iterations)
        let encrypted = try AES._CBC.encrypt(pkcs8, using: key, iv: iv)
        let sequence = { (content: [UInt8]) in DERElement.encode(DERElement.sequence, content) }
        let oid = { (bytes: [UInt8]) in DERElement.encode(DERElement.objectIdentifier, bytes) }
        let prf = sequence(oid(ObjectIdentifiers.hmacWithSHA256) + DERElement.encode(DERElement.null, []))
        let kdf = sequence(oid(ObjectIdentifiers.pbkdf2) + sequence(
            DERElement.encode(DERElement.octetString, salt) + DERElement.encodeInteger(iterations) + DERElement.encodeInteger(32) + prf))
        let cipher = sequence(oid(ObjectIdentifiers.aes256CBC) + DERElement.encode(DERElement.octetString, ivBytes))
        let algorithm = sequence(oid(ObjectIdentifiers.pbes2) + sequence(kdf + cipher))
        return sequence(algorithm + DERElement.encode(DERElement.octetString, Array(encrypted)))
    }
}
