import Foundation
import Testing
@testable import Sigstore

@Suite struct BundleJSONLinesTests {
    @Test func readsTheGhAttestationDownloadFilesLineByLine() throws {
        let twoBundles = try SigstoreTestData.bundles("cli-cli/sigstore-js-2.1.0_with_2_bundles.jsonl")
        #expect(twoBundles.count == 2)
        #expect(twoBundles.allSatisfy { $0.dsseEnvelope?.payloadType == "application/vnd.in-toto+json" })
        let demo = try SigstoreTestData.bundles("cli-cli/github_provenance_demo-0.0.12-py3-none-any-bundle.jsonl")
        #expect(demo.count == 1)
        #expect(demo.first?.verificationMaterial.tlogEntries.isEmpty == true)
        #expect(demo.first?.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.count == 1)
    }

    @Test func skipsBlankLinesAndNamesTheLineOfABadOne() throws {
        let lines = try SigstoreTestData.data("cli-cli/sigstore-js-2.1.0_with_2_bundles.jsonl")
            .split(separator: UInt8(ascii: "\n")).map { Data($0) }
        let reader = BundleReader()
        var document = Data("\n".utf8) + lines[0] + Data("\r\n   \n".utf8) + lines[1] + Data("\n\n".utf8)
        #expect(try reader.bundles(fromJSONLines: document, source: "two.jsonl").count == 2)

        document += Data(#"{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json"#.utf8)
        let error = #expect(throws: BundleError.self) { try reader.bundles(fromJSONLines: document, source: "two.jsonl") }
        #expect(error?.line == 6)
        #expect(error?.description.hasPrefix("two.jsonl line 6: not valid JSON") == true)
    }

    @Test func aFileWithNoBundleIsAnError() {
        let error = #expect(throws: BundleError.self) { try BundleReader().bundles(fromJSONLines: Data("\n \n".utf8), source: "empty.jsonl") }
        #expect(error?.reason == .noBundles)
    }
}
