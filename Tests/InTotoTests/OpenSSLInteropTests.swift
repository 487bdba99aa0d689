import Foundation
import Testing
@testable import InToto

/// Keys and DSSE signatures cross-checked with the real OpenSSL, both ways.
@Suite struct OpenSSLInteropTests {
    static let pae = DSSEEnvelope.preAuthenticationEncoding(payloadType: DSSEEnvelope.inTotoPayloadType,
                                                            payload: Data(#"{"_type":"https://in-toto.io/Statement/v1"}"#.utf8))

    /// `openssl genpkey` options and the `dgst` digest (nil: Ed25519, signed raw with pkeyutl).
    static let algorithms: [(SigningAlgorithm, [String], String?)] = [
        (.ecdsaP256, ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"], "-sha256"),
        (.ecdsaP384, ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"], "-sha384"),
        (.ed25519, ["-algorithm", "ed25519"], nil),
    ]

    @Test(arguments: [0, 1, 2])
    func openSSLSignaturesVerifyInHallmark(_ index: Int) throws {
        let (algorithm, options, digest) = Self.algorithms[index]
        let dir = try OpenSSL.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = dir.appendingPathComponent("key.pem").path, pub = dir.appendingPathComponent("pub.pem").path
        let message = dir.appendingPathComponent("pae").path, signature = dir.appendingPathComponent("sig").path
        try OpenSSL.run(["genpkey"] + options + ["-out", key])
        try OpenSSL.run(["pkey", "-in", key, "-pubout", "-out", pub])
        try Self.pae.write(to: URL(fileURLWithPath: message))
        if let digest {
            try OpenSSL.run(["dgst", digest, "-sign", key, "-out", signature, message])
        } else {
            try OpenSSL.run(["pkeyutl", "-sign", "-rawin", "-inkey", key, "-in", message, "-out", signature])
        }
        let verificationKey = try VerificationKey(pem: String(contentsOfFile: pub, encoding: .utf8))
        #expect(verificationKey.algorithm == algorithm)
        let envelope = DSSEEnvelope(payloadType: DSSEEnvelope.inTotoPayloadType, payload: Data(#"{"_type":"https://in-toto.io/Statement/v1"}"#.utf8),
                                    signatures: [DSSESignature(keyid: nil, sig: try Data(contentsOf: URL(fileURLWithPath: signature)))])
        let verified = try DSSEVerifier().verify(envelope, keys: [verificationKey])
        #expect(verified.key.keyID == verificationKey.keyID)
        // OpenSSL's private key loads too and gives the same public key.
        let signingKey = try SigningKey(pem: String(contentsOfFile: key, encoding: .utf8), passphrase: nil)
        #expect(signingKey.publicKey.keyID == verificationKey.keyID)
    }

    @Test(arguments: [0, 1, 2])
    func hallmarkSignaturesAndKeysWorkInOpenSSL(_ index: Int) throws {
        let (algorithm, _, digest) = Self.algorithms[index]
        let dir = try OpenSSL.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = SigningKey.generate(algorithm)
        let pub = dir.appendingPathComponent("pub.pem").path, encrypted = dir.appendingPathComponent("key.pem").path
        let message = dir.appendingPathComponent("pae").path, signature = dir.appendingPathComponent("sig").path
        try key.publicKey.pemRepresentation.write(toFile: pub, atomically: true, encoding: .utf8)
        try key.pemRepresentation(passphrase: "s3cret").write(toFile: encrypted, atomically: true, encoding: .utf8)
        let envelope = try DSSESigner(key: key).sign(payload: Data(#"{"_type":"https://in-toto.io/Statement/v1"}"#.utf8),
                                                     payloadType: DSSEEnvelope.inTotoPayloadType)
        try envelope.preAuthenticationEncoding.write(to: URL(fileURLWithPath: message))
        try envelope.signatures[0].sig.write(to: URL(fileURLWithPath: signature))
        let verify = digest.map { ["dgst", $0, "-verify", pub, "-signature", signature, message] }
            ?? ["pkeyutl", "-verify", "-rawin", "-pubin", "-inkey", pub, "-in", message, "-sigfile", signature]
        #expect(try OpenSSL.run(verify).status == 0)
        // OpenSSL decrypts Hallmark's encrypted PKCS#8 and derives the same public key.
        let derived = try OpenSSL.run(["pkey", "-in", encrypted, "-passin", "pass:s3cret", "-pubout"]).output
        #expect(String(decoding: derived, as: UTF8.self) == key.publicKey.pemRepresentation)
        #expect(try OpenSSL.run(["pkey", "-in", encrypted, "-passin", "pass:wrong", "-noout"], allowFailure: true).status != 0)
        // A tampered PAE does not verify in OpenSSL either.
        var tampered = envelope.preAuthenticationEncoding
        tampered[tampered.count - 2] ^= 0x20
        try tampered.write(to: URL(fileURLWithPath: message))
        #expect(try OpenSSL.run(verify, allowFailure: true).status != 0)
    }

    @Test(arguments: [("aes-256-cbc", "PBKDF2-HMAC-SHA256"), ("aes-256-cbc -v2prf hmacWithSHA1", "PBKDF2-HMAC-SHA1")])
    func encryptedKeysFromOpenSSLLoad(_ cipher: String, _ label: String) throws {
        let dir = try OpenSSL.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = dir.appendingPathComponent("plain.pem").path, encrypted = dir.appendingPathComponent("enc.pem").path
        try OpenSSL.run(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", plain])
        let parts = cipher.split(separator: " ").map(String.init)
        try OpenSSL.run(["pkcs8", "-topk8", "-in", plain, "-out", encrypted, "-passout", "pass:open sesame", "-v2", parts[0]] + parts.dropFirst())
        let pem = try String(contentsOfFile: encrypted, encoding: .utf8)
        let key = try SigningKey(pem: pem, passphrase: "open sesame")
        let original = try SigningKey(pem: String(contentsOfFile: plain, encoding: .utf8), passphrase: nil)
        #expect(key.publicKey.keyID == original.publicKey.keyID, "\(label)")
        #expect(throws: KeyError.self) { try SigningKey(pem: pem, passphrase: "wrong") }
        #expect(throws: KeyError.self) { try SigningKey(pem: pem, passphrase: nil) }
    }
}
