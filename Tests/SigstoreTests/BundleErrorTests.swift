import Foundation
import Testing
@testable import Sigstore

/// Malformed documents are rejected with the source and field named.
@Suite struct BundleErrorTests {
    static let certificate = #"{"certificate":{"rawBytes":"MIIB"}}"#
    static let signature = #""messageSignature":{"messageDigest":{"algorithm":"SHA2_256","digest":"AAAA"},"signature":"MEQC"}"#

    static func document(mediaType: String = "application/vnd.dev.sigstore.bundle.v0.3+json", material: String = certificate, content: String = signature) -> Data {
        Data(#"{"mediaType":"\#(mediaType)","verificationMaterial":\#(material),\#(content)}"#.utf8)
    }

    static func failure(_ data: Data, reader: BundleReader = BundleReader()) -> BundleError? {
        #expect(throws: BundleError.self) { try reader.bundle(from: data, source: "b.json") }
    }

    @Test func theTemplateDocumentIsValid() throws {
        let bundle = try BundleReader().bundle(from: Self.document(), source: "b.json")
        #expect(bundle.messageSignature?.signature == Data([0x30, 0x44, 0x02]))
    }

    @Test func rejectsAnUnknownOrMissingMediaType() {
        #expect(Self.failure(Self.document(mediaType: "application/vnd.dev.sigstore.bundle+json;version=99.9"))?.description
            == "b.json: mediaType: unsupported bundle media type 'application/vnd.dev.sigstore.bundle+json;version=99.9': Hallmark reads Sigstore bundle v0.1–v0.3")
        let missing = Data(#"{"verificationMaterial":\#(Self.certificate),\#(Self.signature)}"#.utf8)
        #expect(Self.failure(missing)?.description == "b.json: mediaType is missing: Hallmark reads Sigstore bundle v0.1–v0.3")
    }

    @Test func rejectsTruncatedAndNonJSONInput() {
        let full = Self.document()
        #expect(Self.failure(full.prefix(full.count - 5))?.description.hasPrefix("b.json: not valid JSON (truncated or corrupt): ") == true)
        #expect(Self.failure(Data("not json".utf8))?.description.hasPrefix("b.json: not valid JSON") == true)
        #expect(Self.failure(Data())?.description.hasPrefix("b.json: not valid JSON") == true)
        #expect(Self.failure(Data("[]".utf8))?.reason == .invalidField("(document)", problem: "expected an object"))
    }

    @Test func requiresExactlyOneContentKind() {
        let both = Self.failure(Self.document(content: Self.signature + #","dsseEnvelope":{"payloadType":"t","payload":"","signatures":[]}"#))
        #expect(both?.description == "b.json: content: both dsseEnvelope and messageSignature are set; a bundle carries exactly one")
        let neither = Self.failure(Data(#"{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","verificationMaterial":\#(Self.certificate)}"#.utf8))
        #expect(neither?.description == "b.json: content: neither dsseEnvelope nor messageSignature is set; a bundle carries exactly one")
    }

    @Test func requiresExactlyOneKeyMaterial() {
        let two = Self.failure(Self.document(material: #"{"certificate":{"rawBytes":"MIIB"},"publicKey":{"hint":"k"}}"#))
        #expect(two?.reason == .invalidField("verificationMaterial", problem: "needs exactly one of publicKey, x509CertificateChain or certificate (found publicKey and certificate)"))
        let none = Self.failure(Self.document(material: "{}"))
        #expect(none?.reason == .invalidField("verificationMaterial", problem: "needs exactly one of publicKey, x509CertificateChain or certificate (found none)"))
    }

    @Test func rejectsAnEmptyCertificateChain() {
        let error = Self.failure(Self.document(mediaType: "application/vnd.dev.sigstore.bundle+json;version=0.1", material: #"{"x509CertificateChain":{"certificates":[]}}"#))
        #expect(error?.description == "b.json: verificationMaterial.x509CertificateChain.certificates: is empty; the chain must hold at least the signing (leaf) certificate")
    }

    @Test func namesTheFieldWithBadBase64OrNumbers() {
        let badCertificate = Self.failure(Self.document(material: #"{"x509CertificateChain":{"certificates":[{"rawBytes":"MIIB"},{"rawBytes":"!!"}]}}"#))
        #expect(badCertificate?.reason == .invalidField("verificationMaterial.x509CertificateChain.certificates[1].rawBytes", problem: "is not valid base64"))
        let badHash = Self.failure(Self.document(material: #"{"certificate":{"rawBytes":"MIIB"},"tlogEntries":[{"inclusionProof":{"hashes":["AAAA","%%"]}}]}"#))
        #expect(badHash?.reason == .invalidField("verificationMaterial.tlogEntries[0].inclusionProof.hashes", problem: "element 1 is not valid base64"))
        let badIndex = Self.failure(Self.document(material: #"{"certificate":{"rawBytes":"MIIB"},"tlogEntries":[{"logIndex":"12x"}]}"#))
        #expect(badIndex?.reason == .invalidField("verificationMaterial.tlogEntries[0].logIndex", problem: "is not an int64 (a decimal string)"))
        let badAlgorithm = Self.failure(Self.document(content: #""messageSignature":{"messageDigest":{"algorithm":"MD5","digest":"AAAA"},"signature":"MEQC"}"#))
        #expect(badAlgorithm?.description.hasPrefix("b.json: messageSignature.messageDigest.algorithm: unknown hash algorithm 'MD5'") == true)
        let missingSignature = Self.failure(Self.document(content: #""messageSignature":{}"#))
        #expect(missingSignature?.reason == .missingField("messageSignature.signature"))
    }

    @Test func acceptsURLSafeUnpaddedBase64AndNumericInt64s() throws {
        let material = #"{"certificate":{"rawBytes":"_-8"},"tlogEntries":[{"logIndex":42,"integratedTime":"7"}]}"#
        let bundle = try BundleReader().bundle(from: Self.document(material: material), source: "b.json")
        #expect(bundle.verificationMaterial.keyMaterial == .certificate(Data([0xFF, 0xEF])))
        #expect(bundle.verificationMaterial.tlogEntries.first?.logIndex == 42)
    }

    @Test func capsTheDocumentSize() throws {
        let small = BundleReader(maximumDocumentSize: 64)
        #expect(Self.failure(Self.document(), reader: small)?.reason == .tooLarge(size: Self.document().count, limit: 64))
        #expect(BundleReader().maximumDocumentSize == 64 * 1024 * 1024)

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hallmark-cap-\(UUID().uuidString).sigstore.json")
        try Self.document().write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let error = #expect(throws: BundleError.self) { try small.bundles(inFileAt: file) }
        #expect(error?.reason == .tooLarge(size: 65, limit: 64))
        #expect(error?.source == file.path)
    }

    @Test func anUnreadableFileIsAnError() {
        let missing = URL(fileURLWithPath: "/nonexistent/hallmark/bundle.json")
        let error = #expect(throws: BundleError.self) { try BundleReader().bundles(inFileAt: missing) }
        #expect(error?.description.hasPrefix("/nonexistent/hallmark/bundle.json: cannot read the bundle") == true)
    }
}
