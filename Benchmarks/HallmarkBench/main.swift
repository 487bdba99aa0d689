import Foundation
import InToto
import OCIModel
import Sigstore

/// Benchmark driver for Benchmarks/attest.sh, on one thread:
/// - `hallmark-bench sign-verify COUNT KEY.pem PUB.pem` signs COUNT distinct in-toto
///   statements into DSSE envelopes, then verifies each; prints the seconds of each
///   phase as Benchmarks/dsse-peer.py does (`sign S`, `verify S`).
/// - `hallmark-bench bundles COUNT KEY.pem SHA256HEX` writes COUNT signed bundles
///   about that digest as JSON lines, for `hallmark verify FILE --bundle`.
@main
enum HallmarkBench {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 5, let count = Int(arguments[2]), count > 0 else { usage() }
        let key = try SigningKey(pem: String(contentsOfFile: arguments[3], encoding: .utf8), passphrase: nil)
        let signer = DSSESigner(key: key)
        switch arguments[1] {
        case "sign-verify":
            let publicKey = try VerificationKey(pem: String(contentsOfFile: arguments[4], encoding: .utf8))
            let payloads = try (0..<count).map { try payload(subject: String(format: "%064x", $0), run: $0) }
            let start = Date()
            let envelopes = try payloads.map { try signer.sign(payload: $0, payloadType: DSSEEnvelope.inTotoPayloadType) }
            let signed = Date()
            let verifier = DSSEVerifier()
            for envelope in envelopes {
                _ = try verifier.verify(envelope, keys: [publicKey], payloadType: DSSEEnvelope.inTotoPayloadType)
            }
            let verified = Date()
            print(String(format: "sign %.4f", signed.timeIntervalSince(start)))
            print(String(format: "verify %.4f", verified.timeIntervalSince(signed)))
        case "bundles":
            var out = Data()
            for run in 0..<count {
                let envelope = try signer.sign(payload: try payload(subject: arguments[4], run: run), payloadType: DSSEEnvelope.inTotoPayloadType)
                out.append(try SigstoreBundle(dsseEnvelope: envelope, publicKeyHint: key.publicKey.keyID).jsonData())
                out.append(UInt8(ascii: "\n"))
            }
            FileHandle.standardOutput.write(out)
        default:
            usage()
        }
    }

    /// A provenance statement about `subject` (hex SHA-256), made distinct by `run`.
    static func payload(subject: String, run: Int) throws -> Data {
        try StatementPayload.encode(Statement(
            subject: [ResourceDescriptor(name: "bench", digest: ["sha256": subject])],
            predicateType: PredicateType.slsaProvenanceV1,
            predicate: .object(["runDetails": .object(["metadata": .object(["invocationId": .string("run-\(run)")])])])))
    }

    static func usage() -> Never {
        FileHandle.standardError.write(Data("usage: hallmark-bench sign-verify COUNT KEY.pem PUB.pem | bundles COUNT KEY.pem SHA256HEX\n".utf8))
        exit(2)
    }
}
