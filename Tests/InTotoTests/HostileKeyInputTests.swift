import Foundation
import Testing
@testable import InToto

/// Malformed and hostile key files are refused with a message naming the problem,
/// never a crash and never unbounded work.
@Suite struct HostileKeyInputTests {
    /// A P-256 key encrypted by OpenSSL (PBES2, 2,048 PBKDF2-HMAC-SHA256 iterations, AES-256-CBC).
    static let encryptedPEM = """
        -----BEGIN ENCRYPTED PRIVATE KEY-----
        MIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAi4rXMC/S0RtAICCAAw
        DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEEdEMCPdLjK0GetH7hZbev4EgZCV
        AAiYKRuI/SH72Dog/bmqZ/5JKKshl1xAQGCxeeRKSjc5hAMUt3npu/9Wcsx3qmEF
        UQGE+dONCE8ZjhNtqIBMOQiNpMXKchQP89MBHXHR9gKoplWBp5PsRvVIk+REeFGe
        WHJ8+rbq86eH5m7CYh+iq2wq1eKch6P9wqQq3qp2rUzDz+YczDRibWm7QzS/TXc=
        -----END ENCRYPTED PRIVATE KEY-----
        """

    /// Every prefix of a valid PKCS#8 or SubjectPublicKeyInfo DER is refused.
    @Test(arguments: SigningAlgorithm.allCases)
    func everyTruncationIsRefused(_ algorithm: SigningAlgorithm) throws {
        let key = SigningKey.generate(algorithm)
        let privateDER = try PEM.decode(try key.pemRepresentation(passphrase: nil)).der
        for length in 0..<privateDER.count {
            let pem = PEM.encode(Array(privateDER.prefix(length)), label: "PRIVATE KEY")
            #expect(throws: KeyError.self) { try SigningKey(pem: pem, passphrase: nil) }
        }
        let publicDER = key.publicKey.derRepresentation
        for length in 0..<publicDER.count {
            #expect(throws: KeyError.self) { try VerificationKey(pem: PEM.encode(Array(publicDER.prefix(length)), label: "PUBLIC KEY")) }
        }
    }

    /// Flipping any byte of a key's DER gives an error or some key, never a crash; flips of
    /// the structure (tags, lengths, OIDs) are refused.
    @Test(arguments: SigningAlgorithm.allCases)
    func everyByteFlipIsSurvived(_ algorithm: SigningAlgorithm) throws {
        let key = SigningKey.generate(algorithm)
        let privateDER = try PEM.decode(try key.pemRepresentation(passphrase: nil)).der
        let publicDER = key.publicKey.derRepresentation
        var refused = 0
        for index in privateDER.indices {
            var flipped = privateDER
            flipped[index] ^= 0xff
            if (try? SigningKey(pem: PEM.encode(flipped, label: "PRIVATE KEY"), passphrase: nil)) == nil { refused += 1 }
        }
        for index in publicDER.indices {
            var flipped = publicDER
            flipped[index] ^= 0xff
            if (try? VerificationKey(pem: PEM.encode(flipped, label: "PUBLIC KEY"))) == nil { refused += 1 }
        }
        #expect(refused >= 20, "\(refused) of \(privateDER.count + publicDER.count) flips refused")
    }

    @Test(arguments: [
        ([0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x02, 0x01, 0x00], "DER length runs past the end"),
        ([0x30, 0x89, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03], "bad DER length"),
        ([0x30, 0x80, 0x02, 0x01, 0x00, 0x00, 0x00], "bad DER length"),
        ([0x30, 0x00], "malformed PKCS#8 private key"),
        ([0x30, 0x03, 0x02, 0x01, 0x00, 0x00], "trailing bytes"),
        ([0x04, 0x01, 0x00], "expected DER tag 48"),
    ] as [([UInt8], String)])
    func absurdDERIsRefused(_ der: [UInt8], _ message: String) {
        #expect { try SigningKey(pem: PEM.encode(der, label: "PRIVATE KEY"), passphrase: nil) } throws: { error in
            "\(error)".contains(message)
        }
    }

    /// The PBES2 fields of ``encryptedPEM``, to rebuild it with one field changed.
    struct PBES2Fields {
        var scheme = ObjectIdentifiers.pbes2
        var kdf = ObjectIdentifiers.pbkdf2
        var salt: [UInt8]
        var iterations = DERElement.encodeInteger(2048)
        var prf = ObjectIdentifiers.hmacWithSHA256
        var cipher = ObjectIdentifiers.aes256CBC
        var iv: [UInt8]
        var ciphertext: [UInt8]

        init() throws {
            let outer = try DERElement.parse(try PEM.decode(HostileKeyInputTests.encryptedPEM).der[...], what: "fixture").children(what: "fixture")
            let parameters = try outer[0].children(what: "fixture")[1].children(what: "fixture")
            let pbkdf2 = try parameters[0].children(what: "fixture")[1].children(what: "fixture")
            salt = Array(pbkdf2[0].content)
            iv = Array(try parameters[1].children(what: "fixture")[1].content)
            ciphertext = Array(outer[1].content)
        }

        var pem: String {
            let sequence = { (content: [UInt8]) in DERElement.encode(DERElement.sequence, content) }
            let oid = { (bytes: [UInt8]) in DERElement.encode(DERElement.objectIdentifier, bytes) }
            let kdfParameters = sequence(DERElement.encode(DERElement.octetString, salt) + iterations
                + sequence(oid(prf) + DERElement.encode(DERElement.null, [])))
            let algorithm = sequence(oid(scheme) + sequence(sequence(oid(kdf) + kdfParameters)
                + sequence(oid(cipher) + DERElement.encode(DERElement.octetString, iv))))
            return PEM.encode(sequence(algorithm + DERElement.encode(DERElement.octetString, ciphertext)), label: "ENCRYPTED PRIVATE KEY")
        }
    }

    @Test func pbes2FixtureRebuildsTheOriginal() throws {
        let rebuilt = try PBES2Fields().pem
        #expect(try PEM.decode(rebuilt).der == PEM.decode(Self.encryptedPEM).der)
        #expect(try SigningKey(pem: rebuilt, passphrase: "correct-horse").algorithm == .ecdsaP256)
    }

    /// One hostile change to ``PBES2Fields`` and the message it must produce.
    enum Tampering: String, Sendable, CaseIterable {
        case zeroIterations, tooManyIterations, maxIntIterations, negativeIterations, nineByteIterations
        case sha512PRF, aes128CBC, scryptKDF, pkcs12Scheme, shortIV, emptyCiphertext

        func apply(to fields: inout PBES2Fields) {
            switch self {
            case .zeroIterations: fields.iterations = DERElement.encodeInteger(0)
            case .tooManyIterations: fields.iterations = DERElement.encodeInteger(10_000_001)
            case .maxIntIterations: fields.iterations = DERElement.encodeInteger(Int.max)
            case .negativeIterations: fields.iterations = [DERElement.integer, 0x01, 0xff]
            case .nineByteIterations: fields.iterations = [DERElement.integer, 0x09, 0x01, 0, 0, 0, 0, 0, 0, 0, 0]
            case .sha512PRF: fields.prf = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x0b]  // 1.2.840.113549.2.11
            case .aes128CBC: fields.cipher = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x02]  // 2.16.840.1.101.3.4.1.2
            case .scryptKDF: fields.kdf = [0x2b, 0x06, 0x01, 0x04, 0x01, 0xda, 0x47, 0x04, 0x0b]  // 1.3.6.1.4.1.11591.4.11
            case .pkcs12Scheme: fields.scheme = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x01, 0x03]  // 1.2.840.113549.1.12.1.3
            case .shortIV: fields.iv = Array(repeating: 0, count: 8)
            case .emptyCiphertext: fields.ciphertext = []
            }
        }

        var message: String {
            switch self {
            case .zeroIterations: "PBKDF2 iteration count 0 is outside 1…10000000"
            case .tooManyIterations: "PBKDF2 iteration count 10000001 is outside 1…10000000"
            case .maxIntIterations: "is outside 1…10000000"
            case .negativeIterations, .nineByteIterations: "iteration count: bad INTEGER"
            case .sha512PRF: "unsupported PBKDF2 hash (OID 1.2.840.113549.2.11)"
            case .aes128CBC: "only AES-256-CBC"
            case .scryptKDF: "only PBKDF2 key derivation"
            case .pkcs12Scheme: "only PBES2 encryption"
            case .shortIV, .emptyCiphertext: "wrong passphrase or corrupted key"
            }
        }
    }

    @Test(arguments: Tampering.allCases)
    func hostileEncryptionParametersAreRefusedQuickly(_ tampering: Tampering) throws {
        var fields = try PBES2Fields()
        tampering.apply(to: &fields)
        let pem = fields.pem
        let clock = ContinuousClock()
        let started = clock.now
        #expect { try SigningKey(pem: pem, passphrase: "correct-horse") } throws: { error in
            "\(error)".contains(tampering.message)
        }
        #expect(clock.now - started < .seconds(5), "refused before deriving a key")
    }

    @Test(arguments: [
        // RSA (rsaEncryption, NULL parameters) with a stub key.
        ("MBcwDQYJKoZIhvcNAQEBBQADBgAwAwIBAQ==", "unsupported key algorithm (OID 1.2.840.113549.1.1.1); use ecdsa-p256, ecdsa-p384 or ed25519"),
        // id-ecPublicKey without a curve.
        ("MA4wCQYHKoZIzj0CAQMBAA==", "EC key without a named curve"),
        // secp256k1.
        ("MBUwEAYHKoZIzj0CAQYFK4EEAAoDAQA=", "unsupported elliptic curve (OID 1.3.132.0.10)"),
        // Ed25519 with a 31-byte key.
        ("MCkwBQYDK2VwAyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==", "Ed25519 needs 32 bytes"),
        // P-256 with a point that is not on the curve.
        ("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQ==", "malformed public key (P-256)"),
    ])
    func malformedPublicKeysNameTheProblem(_ base64: String, _ message: String) throws {
        let der = try #require(Data(base64Encoded: base64))
        #expect { try VerificationKey(pem: PEM.encode(Array(der), label: "PUBLIC KEY")) } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func malformedSEC1KeyIsRefused() {
        #expect { try SigningKey(pem: PEM.encode([0x30, 0x03, 0x02, 0x01, 0x01], label: "EC PRIVATE KEY"), passphrase: nil) } throws: { error in
            "\(error)".contains("malformed EC PRIVATE KEY")
        }
    }
}
