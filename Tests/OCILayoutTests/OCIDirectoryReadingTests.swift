import Foundation
import OCIModel
import Testing
@testable import OCILayout

@Suite("OCIDirectory reads umoci layouts")
struct OCIDirectoryReadingTests {
    @Test("resolves, verifies and streams a umoci image like skopeo sees it")
    func readsUmociLayout() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let path = try Fixtures.umociLayout(in: dir)
        let layout = try OCIDirectory(readingAt: path)

        let descriptor = try await layout.resolve("t")
        #expect(descriptor.digest.description == (try Fixtures.skopeoDigest("oci:\(path):t")))
        let manifest = try await layout.manifest(descriptor)
        #expect(manifest.bytes == (try Tool.run("skopeo", ["inspect", "--raw", "oci:\(path):t"])))
        guard case .manifest(let image) = manifest.content else { Issue.record("not a manifest"); return }
        #expect(image.layers.first?.mediaType == MediaType.ociLayerGzip)
        #expect(try await Fixtures.streamAllBlobs(of: manifest, from: layout) > 0)
        #expect(try await layout.tags() == ["t"])
        #expect(try await layout.resolveDefault() == descriptor)
        #expect(try await layout.resolve(descriptor.digest.description) == descriptor)
        #expect(try await layout.referrers(of: descriptor.digest, artifactType: nil).isEmpty)
    }

    @Test("several images and no tag: an error listing the tags")
    func ambiguousWithoutTag() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let path = try Fixtures.umociLayout(in: dir)
        try Tool.run("umoci", ["tag", "--image", "\(path):t", "v2"])
        let layout = try OCIDirectory(readingAt: path)
        let error = try await #require(throws: LayoutError.self) { try await layout.resolveDefault() }
        #expect(error == .ambiguousImage("oci-dir:\(path)", count: 2, names: ["t", "v2"]))
        #expect(error.description.contains("t, v2"))
        #expect(try await layout.resolve("v2") .digest == layout.resolve("t").digest)
    }

    @Test("an unknown tag or digest is ContentNotFound")
    func unknownTag() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let layout = try OCIDirectory(readingAt: try Fixtures.umociLayout(in: dir))
        await #expect(throws: ContentNotFound.self) { try await layout.resolve("nope") }
        await #expect(throws: ContentNotFound.self) { try await layout.resolve("sha256:" + String(repeating: "0", count: 64)) }
    }

    static let badIndexes: [(body: String, field: String?)] = [
        ("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":", nil),
        ("garbage", nil),
        ("{\"schemaVersion\":2}", "manifests"),
        ("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"x\",\"digest\":\"sha256:zz\",\"size\":1}]}", "manifests[0].digest"),
        ("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"x\",\"digest\":\"sha256:\(String(repeating: "a", count: 64))\",\"size\":\"1\"}]}", "manifests[0].size"),
    ]

    @Test("a broken index.json is an InputError naming PATH/index.json and the field", arguments: badIndexes)
    func brokenIndex(body: String, field: String?) async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let path = try Fixtures.umociLayout(in: dir)
        try dir.write("layout/index.json", body)
        let error = try #require(throws: InputError.self) { try OCIDirectory(readingAt: path) }
        #expect(error.source == "\(path)/index.json")
        #expect(error.field == field)
    }

    @Test("a directory without oci-layout is not a layout")
    func notALayout() throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        try dir.write("index.json", #"{"schemaVersion":2,"manifests":[]}"#)
        let error = try #require(throws: LayoutError.self) { try OCIDirectory(readingAt: dir.path) }
        guard case .notALayout(let location, _) = error else { Issue.record("\(error)"); return }
        #expect(location == "oci-dir:\(dir.path)")
    }

    @Test("a blob whose bytes do not match its digest fails when streamed; a missing blob is ContentNotFound")
    func corruptAndMissingBlobs() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let path = try Fixtures.umociLayout(in: dir)
        let layout = try OCIDirectory(readingAt: path)
        let manifest = try await layout.manifest(try await layout.resolve("t"))
        guard case .manifest(let image) = manifest.content, let layer = image.layers.first else { Issue.record("no layer"); return }
        let layerFile = "layout/blobs/sha256/\(layer.digest.encoded)"

        var bytes = try dir.read(layerFile)
        bytes[bytes.count / 2] ^= 0xff
        try dir.write(layerFile, bytes)
        let stream = try await layout.blob(layer)
        let mismatch = try await #require(throws: DigestError.self) { _ = try await stream.collect(limit: 1 << 24) }
        #expect(mismatch == .mismatch(expected: layer.digest, actual: Digest.compute(bytes)))

        try dir.write(layerFile, Array(bytes.dropLast()))
        await #expect(throws: DigestError.sizeMismatch(digest: layer.digest, expected: layer.size, actual: layer.size - 1)) {
            _ = try await layout.blob(layer).collect(limit: 1 << 24)
        }

        try FileManager.default.removeItem(atPath: dir.at(layerFile))
        let missing = try await #require(throws: ContentNotFound.self) { try await layout.blob(layer) }
        #expect(missing == ContentNotFound(layer.digest.description, in: "oci-dir:\(path)"))
    }

    @Test("a manifest blob that does not match its digest is refused")
    func corruptManifest() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let path = try Fixtures.umociLayout(in: dir)
        let layout = try OCIDirectory(readingAt: path)
        let descriptor = try await layout.resolve("t")
        var bytes = try dir.read("layout/blobs/sha256/\(descriptor.digest.encoded)")
        bytes[bytes.count - 2] = UInt8(ascii: " ")
        try dir.write("layout/blobs/sha256/\(descriptor.digest.encoded)", bytes)
        let error = try await #require(throws: InputError.self) { try await layout.manifest(descriptor) }
        #expect(error.source == "\(path)/blobs/sha256/\(descriptor.digest.encoded)")
        #expect(error.reason.contains("digest mismatch"))
    }
}
