import Foundation
import OCIModel
import Testing
@testable import InToto

/// Keys and signatures pinned to published test vectors, and the signature encodings
/// verification accepts.
@Suite struct KeyVectorTests {
    /// RFC 8410 §10.3: an Ed25519 PKCS#8 private key and its SubjectPublicKeyInfo.
    @Test func rfc8410Ed25519KeyDerivesItsPublicKeyAndKeyID() throws {
        let key = try SigningKey(pem: "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n",
                                 passphrase: nil)
        let expected = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n"
        #expect(key.algorithm == .ed25519)
        #expect(key.publicKey.pemRepresentation == expected)
        // keyID: SHA-256 of the SPKI DER (`base64 -d | sha256sum` of the PEM body).
        #expect(key.publicKey.keyID == "a1e9156054e04fac899ae9f275132cdc07a5dbc4ea2c2ad3a1ffc6e0d253681f")
        #expect(try VerificationKey(pem: expected).keyID == key.publicKey.keyID)
    }

    /// RFC 8032 §7.1 TEST 1: pure Ed25519 (no pre-hash) of the empty message is deterministic.
    @Test func rfc8032Ed25519SignatureMatches() throws {
        let pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n-----END PRIVATE KEY-----\n"
        let key = try SigningKey(pem: pem, passphrase: nil)
        let signature = try key.sign(Data())
        #expect(Hex.encode(signature) == "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
            + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
        #expect(Hex.encode(key.publicKey.derRepresentation.suffix(32)) == "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
        #expect(key.publicKey.isValidSignature(signature, for: Data()))
        #expect(!key.publicKey.isValidSignature(signature, for: Data([0])))
    }

    /// ECDSA signatures are written DER-encoded; verification also takes raw `r||s` of
    /// exactly the curve's length, and nothing else.
    @Test(arguments: [(SigningAlgorithm.ecdsaP256, 32), (.ecdsaP384, 48)])
    func ecdsaAcceptsDERAndRawSignatures(_ algorithm: SigningAlgorithm, _ scalarLength: Int) throws {
        let key = SigningKey.generate(algorithm)
        let message = Data("in-toto".utf8)
        let der = try key.sign(message)
        #expect(der.first == DERElement.sequence, "DER SEQUENCE { r, s }")
        let raw = try Self.rawSignature(der, scalarLength: scalarLength)
        #expect(raw.count == 2 * scalarLength)
        #expect(key.publicKey.isValidSignature(der, for: message))
        #expect(key.publicKey.isValidSignature(raw, for: message))
        #expect(!key.publicKey.isValidSignature(raw.dropLast(), for: message))
        #expect(!key.publicKey.isValidSignature(raw + [0], for: message))
        #expect(!key.publicKey.isValidSignature(Data(), for: message))
        #expect(!key.publicKey.isValidSignature(raw, for: message + [0]))
    }

    @Test func signerWritesTheKeyIDOrTheCallersHint() throws {
        let key = SigningKey.generate(.ed25519)
        let byID = try DSSESigner(key: key).sign(payload: Data("{}".utf8), payloadType: "t")
        #expect(byID.signatures.map(\.keyid) == [key.publicKey.keyID])
        let hinted = try DSSESigner(key: key, keyID: "release-2026").sign(payload: Data("{}".utf8), payloadType: "t")
        #expect(hinted.signatures.map(\.keyid) == ["release-2026"])
        // The hint is not authenticated: either verifies with the key.
        #expect(try DSSEVerifier().verify(hinted, keys: [key.publicKey]).key.keyID == key.publicKey.keyID)
    }

    @Test(arguments: SigningAlgorithm.allCases)
    func algorithmNamesAreStable(_ algorithm: SigningAlgorithm) {
        #expect(SigningAlgorithm(rawValue: algorithm.rawValue) == algorithm)
        #expect(["ecdsa-p256", "ecdsa-p384", "ed25519"].contains(algorithm.rawValue))
    }

    /// `SEQUENCE { INTEGER r, INTEGER s }` as `r||s`, each left-padded to `scalarLength`.
    static func rawSignature(_ der: Data, scalarLength: Int) throws -> Data {
        let parts = try DERElement.parse(Array(der)[...], what: "signature").children(what: "signature")
        var raw = Data()
        for part in parts {
            let scalar = try part.content(DERElement.integer, what: "signature").drop(while: { $0 == 0 })
            raw.append(Data(repeating: 0, count: scalarLength - scalar.count))
            raw.append(contentsOf: scalar)
        }
        return raw
    }
}
