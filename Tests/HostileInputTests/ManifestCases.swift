import Testing
import OCIModel
import TestSupport

extension HostileInputs {
    /// Issue 11, item 13: a manifest or index without `mediaType` that has both `layers` and
    /// `manifests` could be read either way (the OCI CVE-2021-41190 class); it is refused
    /// whatever the descriptor pointing at it claims.
    @Suite struct ManifestCases {
        @Test("an ambiguous document is refused, naming it and the field", arguments: [MediaType.ociIndex, MediaType.ociManifest])
        func ambiguous(claimed: String) async throws {
            let scratch = try Scratch()
            defer { scratch.remove() }
            let layout = try LayoutBuilder(at: scratch.at("layout"))
            let image = try layout.image(layers: [])
            let config = try layout.blob(Array(#"{"architecture":"amd64","os":"linux"}"#.utf8), mediaType: MediaType.ociConfig)
            let document = """
                {"schemaVersion":2,"config":{"mediaType":"\(MediaType.ociConfig)","digest":"\(config.digest)","size":\(config.size)},\
                "layers":[],"manifests":[{"mediaType":"\(MediaType.ociManifest)","digest":"\(image.digest)","size":\(image.size)}]}
                """
            try layout.tag(try layout.blob(Array(document.utf8), mediaType: claimed))

            let outcome = try await Hallmark.run(["inspect", "oci-dir:\(layout.path)"])
            #expect(outcome.isWithin(Hallmark.limits), "\(outcome)")
            #expect(outcome.status == 2, "\(outcome)")
            #expect(outcome.stderr.contains("mediaType") && outcome.stderr.contains("ambiguous"), "\(outcome)")
        }
    }
}
