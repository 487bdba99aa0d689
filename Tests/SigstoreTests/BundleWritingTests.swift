import Foundation
import InToto
import Testing
@testable import Sigstore

@Suite struct BundleWritingTests {
    static let envelope = DSSEEnvelope(
        payloadType: DSSEEnvelope.inTotoPayloadType,
        payload: Data(#"{"_type":"https://in-toto.io/Statement/v1"}"#.utf8),
        signatures: [DSSESignature(keyid: nil, sig: Data([0x30, 0x44, 0x02]))]
    )

    @Test func writesAV03ManagedKeyDSSEBundleDeterministically() throws {
        let bundle = SigstoreBundle(dsseEnvelope: Self.envelope, publicKeyHint: "hallmark-key-1")
        let json = String(decoding: try bundle.jsonData(), as: UTF8.self)
        #expect(json == """
            {"dsseEnvelope":{"payload":"eyJfdHlwZSI6Imh0dHBzOi8vaW4tdG90by5pby9TdGF0ZW1lbnQvdjEifQ==","payloadType":"application/vnd.in-toto+json",\
            "signatures":[{"sig":"MEQC"}]},"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json",\
            "verificationMaterial":{"publicKey":{"hint":"hallmark-key-1"}}}
            """)
        #expect(try bundle.jsonData() == bundle.jsonData())
    }

    @Test func writeThenReadGivesTheSameBundle() throws {
        let bundle = SigstoreBundle(dsseEnvelope: Self.envelope, publicKeyHint: "hallmark-key-1")
        let written = try bundle.jsonData()
        let read = try BundleReader().bundle(from: written, source: "written.sigstore.json")
        #expect(read == bundle)
        #expect(try read.jsonData() == written)
    }

    @Test func everyRealBundleSurvivesARoundTrip() throws {
        var count = 0
        for entry in try SigstoreTestData.cases() where BundleCorpusTests.expectedLoadFailures[entry.bundle] == nil {
            for bundle in try SigstoreTestData.bundles(entry.bundle) {
                let written = try bundle.jsonData()
                let read = try BundleReader().bundle(from: written, source: entry.bundle)
                #expect(read == bundle, "\(entry.id)")
                #expect(try read.jsonData() == written, "\(entry.id)")
                count += 1
            }
        }
        #expect(count > 50)
    }

    @Test func writesInt64sAsStringsAndOmitsWhatIsUnset() throws {
        let entry = TransparencyLogEntry(logIndex: 12, kindVersion: .init(kind: "dsse", version: "0.0.1"), integratedTime: 1_700_000_000)
        let json = String(decoding: try JSONEncoder.sorted.encode(entry), as: UTF8.self)
        #expect(json == #"{"integratedTime":"1700000000","kindVersion":{"kind":"dsse","version":"0.0.1"},"logIndex":"12"}"#)
    }
}

private extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }
}
