import Foundation
import Testing
@testable import InToto

@Suite struct SigningKeyTests {
    @Test(arguments: SigningAlgorithm.allCases)
    func pemRoundTripsWithAndWithoutPassphrase(_ algorithm: SigningAlgorithm) throws {
        let key = SigningKey.generate(algorithm)
        for passphrase in [nil, "pässphrase"] as [String?] {
            let pem = try key.pemRepresentation(passphrase: passphrase)
            #expect(pem.hasPrefix(passphrase == nil ? "-----BEGIN PRIVATE KEY-----" : "-----BEGIN ENCRYPTED PRIVATE KEY-----"))
            let read = try SigningKey(pem: pem, passphrase: passphrase)
            #expect(read.algorithm == algorithm)
            #expect(read.publicKey.keyID == key.publicKey.keyID)
        }
        let pub = try VerificationKey(pem: key.publicKey.pemRepresentation)
        #expect(pub.keyID == key.publicKey.keyID)
        #expect(pub.keyID.count == 64)
        let signature = try key.sign(Data("message".utf8))
        #expect(pub.isValidSignature(signature, for: Data("message".utf8)))
        #expect(!pub.isValidSignature(signature, for: Data("messagE".utf8)))
    }

    @Test func wrongPassphraseSaysSo() throws {
        let pem = try SigningKey.generate(.ecdsaP256).pemRepresentation(passphrase: "right")
        #expect { try SigningKey(pem: pem, passphrase: "wrong") } throws: { error in
            "\(error)".contains("wrong passphrase") && "\(error)".contains("HALLMARK_PASSWORD")
        }
        #expect { try SigningKey(pem: pem, passphrase: nil) } throws: { "\($0)".contains("encrypted") }
    }

    @Test(arguments: [
        ("", "no PEM block"),
        ("-----BEGIN PRIVATE KEY-----\nMIGH\n", "no '-----END PRIVATE KEY-----'"),
        ("-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n", "not valid base64"),
        ("-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n", "DER length runs past the end"),
        ("-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n", "is not a private key"),
        // secp256k1 and Ed448 keys written by openssl genpkey.
        ("-----BEGIN PRIVATE KEY-----\nMIGEAgEAMBAGByqGSM49AgEGBSuBBAAKBG0wawIBAQQgLIc1qZzWc+0ThNNGfLaS\n2nDLSpDpulOcVYQGQ2eMc7ihRANCAASV2ePK4JiyJqskZgZk9HFi0Y8Xk0+1HKyD\nQUpzupHzY6duL5wXgmsHVCXn1MkQ3AGY10Fbx3gWEeLv5POpOKVW\n-----END PRIVATE KEY-----\n", "unsupported elliptic curve (OID 1.3.132.0.10)"),
        ("-----BEGIN PRIVATE KEY-----\nMEcCAQAwBQYDK2VxBDsEOdnUAtwJIf9ZfUOtAgtgbtkiTdxRgSdmLhIVDhSIFx0V\nJmythoGrm2s1IcErDC9ykBCbfYSF5aOenA==\n-----END PRIVATE KEY-----\n", "unsupported key algorithm (OID 1.3.101.113)"),
    ])
    func malformedPrivateKeysNameTheProblem(_ pem: String, _ message: String) {
        #expect { try SigningKey(pem: pem, passphrase: nil) } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func zeroIterationCountIsRefused() throws {
        // PBES2 with 0 PBKDF2 iterations (same DER length as the real count): refused before any work.
        let (_, bytes) = try PEM.decode(try SigningKey.generate(.ecdsaP256).pemRepresentation(passphrase: "x"))
        let iterations = DERElement.encodeInteger(EncryptedPrivateKey.iterations)
        let zero: [UInt8] = [DERElement.integer, 0x03, 0x00, 0x00, 0x00]
        let patched = try #require(Self.replacing(iterations, with: zero, in: bytes))
        #expect { try SigningKey(pem: PEM.encode(patched, label: "ENCRYPTED PRIVATE KEY"), passphrase: "x") } throws: { error in
            "\(error)".contains("iteration count")
        }
    }

    /// `bytes` with the first `old` replaced by the same-length `new`, lengths unchanged.
    static func replacing(_ old: [UInt8], with new: [UInt8], in bytes: [UInt8]) -> [UInt8]? {
        guard old.count == new.count, let start = (0...(bytes.count - old.count)).first(where: { Array(bytes[$0..<($0 + old.count)]) == old }) else { return nil }
        return Array(bytes[..<start]) + new + Array(bytes[(start + old.count)...])
    }

    @Test func publicKeyPEMsAreChecked() {
        #expect { try VerificationKey(pem: SigningKey.generate(.ed25519).pemRepresentation(passphrase: nil)) } throws: {
            "\($0)".contains("is not a public key")
        }
    }
}
