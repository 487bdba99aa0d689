import Foundation
import OCIModel
import Testing
@testable import OCILayout

@Suite("OCIDirectory writes layouts skopeo accepts")
struct OCIDirectoryWritingTests {
    @Test("a copied image reads back byte for byte in skopeo, which can copy it on")
    func skopeoAcceptsWrittenLayout() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let source = try OCIDirectory(readingAt: try Fixtures.umociLayout(in: dir))
        let out = dir.at("out")
        let root = try await Fixtures.copy("t", from: source, to: try OCIDirectory(writingAt: out), tag: "t")

        #expect(try Tool.run("skopeo", ["inspect", "--raw", "oci:\(out):t"]) == root.bytes)
        try Tool.run("skopeo", ["copy", "oci:\(out):t", "oci:\(dir.at("out2")):t"])
        #expect(try Fixtures.skopeoDigest("oci:\(dir.at("out2")):t") == root.digest.description)
        #expect(try dir.read("out/oci-layout") == Array(#"{"imageLayoutVersion":"1.0.0"}"#.utf8))
        #expect(try await OCIDirectory(readingAt: out).resolve("t") == root.descriptor.withAnnotations([AnnotationKey.refName: "t"]))
    }

    @Test("a blob that does not match its digest is refused and leaves no file behind")
    func failedPutBlobLeavesNothing() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let layout = try OCIDirectory(writingAt: dir.at("out"))
        let claimed = Descriptor(mediaType: MediaType.ociLayer, digest: Digest.compute(Array("right".utf8)), size: 5)
        await #expect(throws: DigestError.self) {
            try await layout.putBlob(claimed, content: ByteChunks(bytes: Array("wrong".utf8)))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.at("out/blobs/sha256")).isEmpty)
        #expect(try await !layout.hasBlob(claimed))

        let tooLong = Descriptor(mediaType: MediaType.ociLayer, digest: claimed.digest, size: 3)
        await #expect(throws: DigestError.self) { try await layout.putBlob(tooLong, content: ByteChunks(bytes: Array("right".utf8))) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.at("out/blobs/sha256")).isEmpty)
    }

    @Test("a blob already present is not written again")
    func skipsExistingBlob() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let layout = try OCIDirectory(writingAt: dir.at("out"))
        let bytes = Array("content".utf8)
        let descriptor = Descriptor(mediaType: MediaType.ociLayer, digest: Digest.compute(bytes), size: Int64(bytes.count))
        try await layout.putBlob(descriptor, content: ByteChunks(bytes: bytes))
        #expect(try await layout.hasBlob(descriptor))
        let failing = ByteChunks { { throw CancellationError() } }
        try await layout.putBlob(descriptor, content: failing)
        #expect(try dir.read("out/blobs/sha256/\(descriptor.digest.encoded)") == bytes)
    }

    @Test("a tag written again replaces its entry; untagged child manifests are only blobs")
    func retagReplacesEntry() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let layout = try OCIDirectory(writingAt: dir.at("out"))
        let first = try await Fixtures.smallImage("one", into: layout)
        let second = try await Fixtures.smallImage("two", into: layout)
        let child = try await Fixtures.smallImage("child", into: layout)
        try await layout.putManifest(first, tag: "t")
        try await layout.putManifest(child, tag: nil)
        try await layout.commit()
        try await layout.putManifest(second, tag: "t")
        try await layout.putManifest(first, tag: "old")
        try await layout.commit()

        let index = try JSONInput.decode(ImageIndex.self, from: try dir.read("out/index.json"), source: "index.json")
        #expect(index.manifests.map(\.digest) == [second.digest, first.digest])
        #expect(try await layout.tags() == ["t", "old"])
        #expect(try await layout.resolve("t").digest == second.digest)
        #expect(try await layout.manifest(child.descriptor) == child)
        #expect(try Fixtures.skopeoDigest("oci:\(dir.at("out")):t") == second.digest.description)
    }

    @Test("referrers get untagged index.json entries and are found, also through nested indexes")
    func referrers() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let layout = try OCIDirectory(writingAt: dir.at("out"))
        let image = try await Fixtures.smallImage("image", into: layout)
        try await layout.putManifest(image, tag: "t")
        let sbom = try await Fixtures.artifact(about: image.descriptor, type: MediaType.spdxJSON, into: layout)
        try await layout.putManifest(sbom, tag: nil)
        let nested = try await Fixtures.artifact(about: image.descriptor, type: MediaType.inTotoLayer, into: layout)
        let wrapper = try ManifestDocument(index: ImageIndex(manifests: [nested.descriptor]))
        try await layout.putManifest(nested, tag: nil)  // a referrer: gets its own entry too
        try await layout.putManifest(wrapper, tag: "bundle")
        try await layout.commit()

        let index = try JSONInput.decode(ImageIndex.self, from: try dir.read("out/index.json"), source: "index.json")
        let sbomEntry = try #require(index.manifests.first { $0.digest == sbom.digest })
        #expect(sbomEntry.artifactType == MediaType.spdxJSON && sbomEntry.annotation(AnnotationKey.refName) == nil)

        let all = try await layout.referrers(of: image.digest, artifactType: nil)
        #expect(Set(all.map(\.digest)) == [sbom.digest, nested.digest])
        let spdx = try await layout.referrers(of: image.digest, artifactType: MediaType.spdxJSON)
        #expect(spdx.map(\.digest) == [sbom.digest])
        #expect(spdx.first?.annotations == [AnnotationKey.created: "2023-11-14T22:13:20Z"])
        #expect(try await layout.referrers(of: image.digest, artifactType: "application/other").isEmpty)
        #expect(try Fixtures.skopeoDigest("oci:\(dir.at("out")):t") == image.digest.description)
    }

    @Test("a referrer reachable only through an index listed in index.json is found")
    func referrerOnlyInNestedIndex() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let layout = try OCIDirectory(writingAt: dir.at("out"))
        let image = try await Fixtures.smallImage("image", into: layout)
        let attestation = try await Fixtures.artifact(about: image.descriptor, type: MediaType.inTotoLayer, into: layout)
        try await layout.putBlob(attestation.descriptor, content: ByteChunks(bytes: attestation.bytes))
        try await layout.putManifest(image, tag: nil)
        let missing = Descriptor(mediaType: MediaType.ociManifest, digest: Digest.compute(Array("absent".utf8)), size: 6)
        let index = try ManifestDocument(index: ImageIndex(manifests: [image.descriptor, attestation.descriptor, missing]))
        try await layout.putManifest(index, tag: "multi")
        try await layout.commit()

        let found = try await layout.referrers(of: image.digest, artifactType: MediaType.inTotoLayer)
        #expect(found.map(\.digest) == [attestation.digest])
    }
}

extension Descriptor {
    /// The same descriptor with `annotations`.
    func withAnnotations(_ annotations: [String: String]) -> Descriptor {
        var copy = self
        copy.annotations = annotations
        return copy
    }
}
