import Foundation
import Testing
@testable import InToto

/// Private key files in the formats OpenSSL writes load in Hallmark, and the ones
/// Hallmark writes load in OpenSSL, with the same public key on both sides.
@Suite struct OpenSSLKeyFormatTests {
    static let passphrase = "open sesame"

    /// `openssl genpkey -aes-256-cbc` (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC) keys.
    @Test(arguments: [0, 1, 2])
    func encryptedGenpkeyKeysLoad(_ index: Int) throws {
        let (algorithm, options, _) = OpenSSLInteropTests.algorithms[index]
        let dir = try OpenSSL.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let encrypted = dir.appendingPathComponent("key.pem").path
        try OpenSSL.run(["genpkey"] + options + ["-aes-256-cbc", "-pass", "pass:\(Self.passphrase)", "-out", encrypted])
        let publicPEM = try OpenSSL.run(["pkey", "-in", encrypted, "-passin", "pass:\(Self.passphrase)", "-pubout"]).output
        let pem = try String(contentsOfFile: encrypted, encoding: .utf8)
        #expect(pem.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        let key = try SigningKey(pem: pem, passphrase: Self.passphrase)
        #expect(key.algorithm == algorithm)
        #expect(key.publicKey.pemRepresentation == String(decoding: publicPEM, as: UTF8.self))
        #expect(throws: KeyError.self) { try SigningKey(pem: pem, passphrase: "open sesame!") }
        #expect { try SigningKey(pem: pem, passphrase: nil) } throws: { error in
            "\(error)".contains("encrypted") && "\(error)".contains("HALLMARK_PASSWORD")
        }
    }

    /// SEC1 `EC PRIVATE KEY` files, as `openssl ecparam -genkey` writes them.
    @Test(arguments: [(SigningAlgorithm.ecdsaP256, "prime256v1"), (.ecdsaP384, "secp384r1")])
    func sec1KeysLoad(_ algorithm: SigningAlgorithm, _ curve: String) throws {
        let dir = try OpenSSL.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("ec.pem").path
        try OpenSSL.run(["ecparam", "-name", curve, "-genkey", "-noout", "-out", path])
        let publicPEM = try OpenSSL.run(["ec", "-in", path, "-pubout"]).output
        let pem = try String(contentsOfFile: path, encoding: .utf8)
        #expect(pem.hasPrefix("-----BEGIN EC PRIVATE KEY-----"))
        let key = try SigningKey(pem: pem, passphrase: nil)
        #expect(key.algorithm == algorithm)
        #expect(key.publicKey.pemRepresentation == String(decoding: publicPEM, as: UTF8.self))
        // Written back as PKCS#8, which OpenSSL reads as the same key.
        let pkcs8 = dir.appendingPathComponent("pkcs8.pem").path
        try key.pemRepresentation(passphrase: nil).write(toFile: pkcs8, atomically: true, encoding: .utf8)
        #expect(try OpenSSL.run(["pkey", "-in", pkcs8, "-pubout"]).output == publicPEM)
    }

    /// Hallmark's unencrypted PKCS#8 loads in OpenSSL with the same public key.
    @Test(arguments: SigningAlgorithm.allCases)
    func plainPKCS8LoadsInOpenSSL(_ algorithm: SigningAlgorithm) throws {
        let dir = try OpenSSL.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = SigningKey.generate(algorithm)
        let path = dir.appendingPathComponent("key.pem").path
        try key.pemRepresentation(passphrase: nil).write(toFile: path, atomically: true, encoding: .utf8)
        let publicPEM = try OpenSSL.run(["pkey", "-in", path, "-pubout"]).output
        #expect(String(decoding: publicPEM, as: UTF8.self) == key.publicKey.pemRepresentation)
    }

    /// Hallmark encrypts with PBES2: PBKDF2-HMAC-SHA256 at 600,000 iterations, AES-256-CBC,
    /// as OpenSSL's parser reports.
    @Test func encryptedPKCS8UsesTheDocumentedParameters() throws {
        let dir = try OpenSSL.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("key.pem").path
        try SigningKey.generate(.ecdsaP256).pemRepresentation(passphrase: Self.passphrase).write(toFile: path, atomically: true, encoding: .utf8)
        let structure = String(decoding: try OpenSSL.run(["asn1parse", "-in", path]).output, as: UTF8.self)
        for field in [":PBES2", ":PBKDF2", ":hmacWithSHA256", ":aes-256-cbc", "INTEGER           :0927C0"] {
            #expect(structure.contains(field), "\(field) in\n\(structure)")
        }
    }

    /// A fixed key from `openssl pkcs8 -topk8 -v2 aes-256-cbc -iter 2048 -passout pass:correct-horse`:
    /// a lower iteration count than Hallmark writes is read, and a wrong passphrase (one
    /// whose decryption ends in invalid padding, so the outcome is fixed) says so.
    @Test func fixedOpenSSLKeyDecryptsAndReportsAWrongPassphrase() throws {
        let pem = HostileKeyInputTests.encryptedPEM
        let publicPEM = """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE4w8wmgqc21bVijWx9u64iN7/v5a/
            mMWo4oEE1Qj+ay/WfC8ZnMZM8YQz3XI7mIVRITLKRT2Rtaw0eB8zBQrhig==
            -----END PUBLIC KEY-----

            """
        #expect(try SigningKey(pem: pem, passphrase: "correct-horse").publicKey.pemRepresentation == publicPEM)
        #expect { try SigningKey(pem: pem, passphrase: "battery-staple") } throws: { error in
            "\(error)" == "encrypted private key: wrong passphrase or corrupted key; check HALLMARK_PASSWORD"
        }
    }
}
