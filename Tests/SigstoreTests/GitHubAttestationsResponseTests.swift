import Foundation
import InToto
import Testing
@testable import Sigstore

@Suite struct GitHubAttestationsResponseTests {
    static let folder = "github-attestations/ystkfujii__playground_supply-chain-guard"

    @Test func readsTheRESTAPIResponse() throws {
        let data = try SigstoreTestData.data("\(Self.folder)/attestations.json")
        let attestations = try BundleReader().attestations(fromGitHubResponse: data, source: "attestations.json")
        #expect(attestations.count == 1)
        let attestation = try #require(attestations.first)
        #expect(attestation.repositoryID == 1238661134)
        #expect(attestation.bundleURL?.hasPrefix("https://") == true)
        let standalone = try #require(try SigstoreTestData.bundles("\(Self.folder)/bundle.json").first)
        #expect(attestation.bundle == standalone)
        #expect(try SigstoreTestData.bundles("\(Self.folder)/attestations.json") == [standalone])
    }

    @Test func theImageAttestationIsSLSAProvenanceForTheCaseDigest() throws {
        let bundle = try #require(try SigstoreTestData.bundles("\(Self.folder)/bundle.json").first)
        #expect(bundle.mediaType == .v03)
        guard case .certificate = bundle.verificationMaterial.keyMaterial else {
            Issue.record("expected a leaf certificate")
            return
        }
        let envelope = try #require(bundle.dsseEnvelope)
        #expect(envelope.payloadType == DSSEEnvelope.inTotoPayloadType)
        let statement = try JSONDecoder().decode(Statement.self, from: envelope.payload)
        #expect(statement.type == Statement.typeV1)
        #expect(statement.predicateType == "https://slsa.dev/provenance/v1")
        let expected = try #require(try SigstoreTestData.cases().first { $0.id == Self.folder }?.artifactDigest)
        let subject = try #require(statement.subject.first)
        #expect(subject.name == "ghcr.io/ystkfujii/playground_supply-chain-guard/go-server")
        #expect(subject.digest["sha256"].map { "sha256:\($0)" } == expected)
    }

    @Test func errorsNameTheElementOfTheResponse() {
        let document = Data(#"{"attestations":[{"repository_id":1,"bundle":{"mediaType":"application/vnd.dev.sigstore.bundle+json;version=9"}}]}"#.utf8)
        let error = #expect(throws: BundleError.self) { try BundleReader().attestations(fromGitHubResponse: document, source: "api.json") }
        #expect(error?.description == "api.json: attestations[0].bundle.mediaType: unsupported bundle media type 'application/vnd.dev.sigstore.bundle+json;version=9': Hallmark reads Sigstore bundle v0.1–v0.3")
    }
}
