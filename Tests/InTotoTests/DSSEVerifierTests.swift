import Foundation
import OCIModel
import Testing
import TestSupport
@testable import InToto

@Suite struct DSSEVerifierTests {
    static let payload = Data(#"{"_type":"https://in-toto.io/Statement/v1","subject":[{"digest":{"sha256":"ab"}}],"predicateType":"t","predicate":{}}"#.utf8)

    @Test func failsClosed() throws {
        let key = SigningKey.generate(.ecdsaP256)
        let envelope = try DSSESigner(key: key).sign(payload: Self.payload, payloadType: DSSEEnvelope.inTotoPayloadType)
        let verifier = DSSEVerifier()
        #expect(try verifier.verify(envelope, keys: [key.publicKey]).payload == Self.payload)
        #expect(envelope.signatures.first?.keyid == key.publicKey.keyID)

        var tamperedPayload = envelope
        tamperedPayload.payload = Data(String(decoding: Self.payload, as: UTF8.self).replacingOccurrences(of: "ab", with: "cd").utf8)
        var tamperedSignature = envelope
        tamperedSignature.signatures[0].sig[8] ^= 0x01
        var retyped = envelope
        retyped.payloadType = "application/json"
        var unsigned = envelope
        unsigned.signatures = []
        let cases: [(DSSEEnvelope, [VerificationKey], String)] = [
            (tamperedPayload, [key.publicKey], "does not verify"),
            (tamperedSignature, [key.publicKey], "does not verify"),
            (envelope, [SigningKey.generate(.ecdsaP256).publicKey], "does not verify"),
            (retyped, [key.publicKey], "expected 'application/vnd.in-toto+json'"),
            (unsigned, [key.publicKey], "no signature"),
            (envelope, [], "no trusted key"),
        ]
        for (candidate, keys, message) in cases {
            #expect { try verifier.verify(candidate, keys: keys, payloadType: DSSEEnvelope.inTotoPayloadType) } throws: { error in
                "\(error)".contains(message)
            }
        }
    }

    @Test func statementChecksNameTheField() throws {
        let key = SigningKey.generate(.ed25519)
        for (json, field) in [(#"{"_type":"x","subject":[{"digest":{"sha256":"a"}}],"predicateType":"t","predicate":{}}"#, "_type"),
                              (#"{"_type":"https://in-toto.io/Statement/v1","subject":[],"predicateType":"t","predicate":{}}"#, "subject"),
                              (#"{"_type":"https://in-toto.io/Statement/v1","subject":[{"digest":{}}],"predicateType":"t","predicate":{}}"#, "subject[0].digest"),
                              (#"{"_type":"https://in-toto.io/Statement/v1""#, nil)] {
            let envelope = try DSSESigner(key: key).sign(payload: Data(json.utf8), payloadType: DSSEEnvelope.inTotoPayloadType)
            let verified = try DSSEVerifier().verify(envelope, keys: [key.publicKey])
            #expect { try verified.statement() } throws: { error in
                (error as? InputError)?.field == field
            }
        }
    }

    /// The real GitHub image attestation: its DSSE signature verifies with the public key of
    /// its own leaf certificate (no chain trust: that is the job of certificate verification).
    @Test func realGitHubAttestationSignatureVerifies() throws {
        let url = try SharedTestData.url("sigstore/github-attestations/ystkfujii__playground_supply-chain-guard/bundle.json")
        let bundle = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let material = bundle?["verificationMaterial"] as? [String: Any]
        let certificate = try #require(Data(base64Encoded: (material?["certificate"] as? [String: Any])?["rawBytes"] as? String ?? ""))
        let dsse = try JSONSerialization.data(withJSONObject: try #require(bundle?["dsseEnvelope"]))
        let envelope = try JSONDecoder().decode(DSSEEnvelope.self, from: dsse)
        let key = try VerificationKey(derRepresentation: try Self.subjectPublicKeyInfo(ofCertificate: Array(certificate)))
        #expect(key.algorithm == .ecdsaP256)
        let statement = try DSSEVerifier().verify(envelope, keys: [key], payloadType: DSSEEnvelope.inTotoPayloadType).statement()
        #expect(statement.predicateType == "https://slsa.dev/provenance/v1")
        var tampered = envelope
        tampered.payload.append(0x20)
        #expect(throws: DSSEVerificationError.self) { try DSSEVerifier().verify(tampered, keys: [key]) }
    }

    /// The managed-key conformance cases: the message signature over `a.txt` verifies with
    /// its key.pub and not with another key; the "wrong key" case's key.pub is not a valid
    /// P-256 point at all, and is refused when read (OpenSSL refuses it too).
    @Test func conformanceManagedKeySignature() throws {
        let artifact = try Data(contentsOf: SharedTestData.url("sigstore/conformance/bundle-verify/a.txt"))
        let folder = "sigstore/conformance/bundle-verify/managed-key-happy-path/"
        let key = try VerificationKey(pem: String(contentsOf: SharedTestData.url(folder + "key.pub"), encoding: .utf8))
        let bundle = try JSONSerialization.jsonObject(with: Data(contentsOf: SharedTestData.url(folder + "bundle.sigstore.json"))) as? [String: Any]
        let signature = try #require(Data(base64Encoded: (bundle?["messageSignature"] as? [String: Any])?["signature"] as? String ?? ""))
        #expect(key.isValidSignature(signature, for: artifact))
        #expect(!SigningKey.generate(.ecdsaP256).publicKey.isValidSignature(signature, for: artifact))
        let wrong = try String(contentsOf: SharedTestData.url("sigstore/conformance/bundle-verify/managed-key-wrong-key_fail/key.pub"), encoding: .utf8)
        #expect { try VerificationKey(pem: wrong) } throws: { "\($0)".contains("malformed public key") }
    }

    /// `tbsCertificate.subjectPublicKeyInfo` of an X.509 certificate.
    static func subjectPublicKeyInfo(ofCertificate der: [UInt8]) throws -> [UInt8] {
        let certificate = try DERElement.parse(der[...], what: "certificate").children(what: "certificate")
        let tbs = try certificate[0].children(what: "tbsCertificate")
        // [0] version is optional: SPKI is the 6th field after it (serial, signature, issuer, validity, subject).
        let offset = tbs.first?.tag == 0xa0 ? 1 : 0
        let spki = tbs[offset + 5]
        return DERElement.encode(spki.tag, Array(spki.content))
    }
}
