import OCIModel
import Testing

/// A document without `mediaType` that has index and manifest fields both (the OCI
/// CVE-2021-41190 class) is refused, whatever its descriptor or `Content-Type` claims.
@Suite("Ambiguous manifests and indexes")
struct AmbiguousDocumentTests {
    static let descriptor = #"{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:\#(String(repeating: "a", count: 64))","size":2}"#
    static let config = #"{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:\#(String(repeating: "b", count: 64))","size":2}"#

    @Test("manifests with layers or config and no mediaType is refused, naming the field",
          arguments: [MediaType.ociIndex, MediaType.ociManifest, nil], [
              #"{"schemaVersion":2,"manifests":[\#(descriptor)],"layers":[]}"#,
              #"{"schemaVersion":2,"manifests":[\#(descriptor)],"config":\#(config),"layers":[\#(descriptor)]}"#,
          ])
    func refused(claimed: String?, document: String) throws {
        let error = try #require(throws: InputError.self) {
            try ManifestDocument(bytes: Array(document.utf8), mediaType: claimed, expected: nil, source: "blob sha256:x")
        }
        #expect(error.source == "blob sha256:x" && error.field == "mediaType")
        #expect(error.reason.contains("ambiguous"))
    }
}
