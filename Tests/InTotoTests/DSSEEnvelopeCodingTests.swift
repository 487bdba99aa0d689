import Foundation
import OCIModel
import Testing
@testable import InToto

/// DSSE's `payload` and `sig` in JSON: standard or URL-safe base64, padded or not, are read;
/// standard padded base64 is written.
@Suite struct DSSEEnvelopeCodingTests {
    /// Bytes whose base64 uses both characters that differ between the alphabets.
    static let bytes = Data([0xfb, 0xef, 0xff, 0x01])

    static func json(payload: String, sig: String) -> [UInt8] {
        Array(#"{"payloadType":"t","payload":"\#(payload)","signatures":[{"keyid":"k","sig":"\#(sig)"}]}"#.utf8)
    }

    @Test(arguments: ["++//AQ==", "++//AQ", "--__AQ==", "--__AQ"])
    func readsEveryBase64Form(_ text: String) throws {
        let envelope = try JSONInput.decode(DSSEEnvelope.self, from: Self.json(payload: text, sig: text), source: "envelope")
        #expect(envelope.payload == Self.bytes)
        #expect(envelope.signatures == [DSSESignature(keyid: "k", sig: Self.bytes)])
    }

    @Test func writesStandardPaddedBase64() throws {
        let envelope = DSSEEnvelope(payloadType: "t", payload: Self.bytes, signatures: [DSSESignature(keyid: nil, sig: Self.bytes)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(envelope), as: UTF8.self)
        #expect(json == #"{"payload":"++//AQ==","payloadType":"t","signatures":[{"sig":"++//AQ=="}]}"#)
        #expect(try JSONDecoder().decode(DSSEEnvelope.self, from: Data(json.utf8)) == envelope)
    }

    @Test(arguments: ["A", "AB===", "A=B=", "=AAA", "!!!!", "AA AA"])
    func refusesWhatIsNotBase64(_ text: String) {
        #expect { try JSONInput.decode(DSSEEnvelope.self, from: Self.json(payload: text, sig: "AA"), source: "envelope") } throws: { error in
            (error as? InputError)?.field == "payload" && "\(error)".contains("not base64")
        }
        #expect { try JSONInput.decode(DSSEEnvelope.self, from: Self.json(payload: "AA", sig: text), source: "envelope") } throws: { error in
            (error as? InputError)?.field == "signatures[0].sig" && "\(error)".contains("not base64")
        }
    }

    /// An envelope written by a tool that uses URL-safe, unpadded base64 verifies.
    @Test func urlSafeEnvelopeVerifies() throws {
        let key = SigningKey.generate(.ecdsaP384)
        let signed = try DSSESigner(key: key).sign(payload: Data("{\"a\":\"??>>\"}".utf8), payloadType: "application/json")
        func urlSafe(_ data: Data) -> String {
            data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
        }
        let json = #"{"payloadType":"application/json","payload":"\#(urlSafe(signed.payload))","signatures":[{"sig":"\#(urlSafe(signed.signatures[0].sig))"}]}"#
        let envelope = try JSONDecoder().decode(DSSEEnvelope.self, from: Data(json.utf8))
        #expect(try DSSEVerifier().verify(envelope, keys: [key.publicKey], payloadType: "application/json").payload == signed.payload)
    }
}
