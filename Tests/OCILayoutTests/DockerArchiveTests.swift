import Foundation
import OCIModel
import Testing
@testable import OCILayout

@Suite("DockerArchive reads docker save archives")
struct DockerArchiveTests {
    @Test("skopeo's docker-archive: tags, config digest and layers as skopeo reports them")
    func readsSkopeoDockerArchive() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let layout = try Fixtures.umociLayout(in: dir)
        let file = dir.at("x.tar")
        try Tool.run("skopeo", ["copy", "oci:\(layout):t", "docker-archive:\(file):repo:t"])

        let archive = try DockerArchive(path: file)
        #expect(!archive.isOCILayout)
        let descriptor = try await archive.resolve("repo:t")
        for name in ["t", "docker.io/library/repo:t", "repo:t"] {
            #expect(try await archive.resolve(name) == descriptor, "\(name)")
        }
        #expect(try await archive.resolveDefault() == descriptor)
        #expect(try await archive.tags() == ["docker.io/library/repo:t"])
        #expect(descriptor.mediaType == MediaType.dockerManifest)

        let document = try await archive.manifest(descriptor)
        guard case .manifest(let manifest) = document.content else { Issue.record("not a manifest"); return }
        #expect(manifest.config.digest.description == (try Tool.sha256(of: "skopeo inspect --config --raw docker-archive:\(file)")))
        let skopeo = try JSONInput.decode(
            ImageManifest.self, from: try Tool.run("skopeo", ["inspect", "--raw", "docker-archive:\(file)"]), source: "skopeo")
        #expect(manifest.layers.map(\.digest) == skopeo.layers.map(\.digest))
        #expect(manifest.layers.map(\.size) == skopeo.layers.map(\.size))
        #expect(manifest.layers.allSatisfy { $0.mediaType == DockerSaveArchive.uncompressedLayerType })
        #expect(document.bytes == (try CanonicalJSON.encode(manifest)))
        #expect(try await Fixtures.streamAllBlobs(of: document, from: archive) > 0)
        #expect(try await archive.resolve(descriptor.digest.description) == descriptor)
        #expect(try await archive.referrers(of: descriptor.digest, artifactType: nil).isEmpty)
        await #expect(throws: ContentNotFound.self) { try await archive.resolve("other:t") }
    }

    /// A classic archive made by hand: image 0 has a gzip layer and a layer reached
    /// through a symbolic link; image 1 reuses the plain layer.
    static func handMadeArchive(in dir: TestDirectory, layers: [String] = ["abc/layer.tar", "def/layer.tar"]) throws -> String {
        try dir.write("content/etc/hello", "hello\n")
        try FileManager.default.createDirectory(atPath: dir.at("save/abc"), withIntermediateDirectories: true)
        try Tool.run("tar", ["-C", dir.at("content"), "-cf", dir.at("save/plain.tar"), "etc"])
        try Tool.shell("gzip -n -c '\(dir.at("save/plain.tar"))' > '\(dir.at("save/abc/layer.tar"))'")
        try FileManager.default.createDirectory(atPath: dir.at("save/def"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.at("save/def/layer.tar"), withDestinationPath: "../plain.tar")
        try dir.write("save/config.json", #"{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}"#)
        let images: [[String: Any]] = [
            ["Config": "config.json", "RepoTags": ["example.com/app:1.0"], "Layers": layers],
            ["Config": "config.json", "RepoTags": ["other/repo:v1"], "Layers": ["plain.tar"]],
        ]
        try dir.write("save/manifest.json", Array(try JSONSerialization.data(withJSONObject: images)))
        try Tool.run("tar", ["-C", dir.at("save"), "-cf", dir.at("saved.tar"), "manifest.json", "config.json", "abc", "def", "plain.tar"])
        return dir.at("saved.tar")
    }

    @Test("hand-made classic archive: gzip detection, links, tag forms, ambiguity")
    func handMade() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let archive = try DockerArchive(path: try Self.handMadeArchive(in: dir))

        let app = try await archive.resolve("1.0")
        #expect(try await archive.resolve("example.com/app:1.0") == app)
        let other = try await archive.resolve("docker.io/other/repo:v1")
        #expect(try await archive.resolve("v1") == other)
        guard case .manifest(let manifest) = try await archive.manifest(app).content else { Issue.record("not a manifest"); return }
        #expect(manifest.layers.map(\.mediaType) == [MediaType.dockerLayerGzip, DockerSaveArchive.uncompressedLayerType])
        #expect(manifest.layers[0].digest.description == (try Tool.sha256(of: "cat '\(dir.at("save/abc/layer.tar"))'")))
        #expect(manifest.layers[1].digest.description == (try Tool.sha256(of: "cat '\(dir.at("save/plain.tar"))'")))
        #expect(manifest.config.mediaType == MediaType.dockerConfig)
        #expect(try await Fixtures.streamAllBlobs(of: try await archive.manifest(app), from: archive) > 0)

        let error = try await #require(throws: LayoutError.self) { try await archive.resolveDefault() }
        #expect(error == .ambiguousImage("docker-archive:\(dir.at("saved.tar"))", count: 2, names: ["example.com/app:1.0", "other/repo:v1"]))
    }

    @Test("manifest.json naming a file the archive lacks is an error naming the field")
    func missingLayer() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let archive = try DockerArchive(path: try Self.handMadeArchive(in: dir, layers: ["abc/layer.tar", "nope/layer.tar"]))
        let error = try await #require(throws: LayoutError.self) { try await archive.resolve("1.0") }
        #expect(error == .missingEntry("manifest.json in \(dir.at("saved.tar"))", entry: "nope/layer.tar", field: "manifest.json[0].Layers[1]"))
    }

    @Test("a Docker 25+ archive (an OCI layout with manifest.json) is read as a layout")
    func dockerOCIFormat() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let layout = try Fixtures.umociLayout(in: dir)
        let digest = try Fixtures.skopeoDigest("oci:\(layout):t")
        var index = try JSONInput.decode(ImageIndex.self, from: try dir.read("layout/index.json"), source: "index.json")
        index.manifests[0].annotations = [AnnotationKey.refName: "1.0", "io.containerd.image.name": "docker.io/library/app:1.0"]
        try dir.write("layout/index.json", try CanonicalJSON.encode(index))
        try dir.write("layout/manifest.json", #"[{"Config":"blobs/sha256/x","RepoTags":["app:1.0"],"Layers":[]}]"#)
        try Tool.run("tar", ["-C", layout, "-cf", dir.at("docker25.tar"), "."])

        let archive = try DockerArchive(path: dir.at("docker25.tar"))
        #expect(archive.isOCILayout)
        for name in ["1.0", "app:1.0", "docker.io/library/app:1.0"] {
            #expect(try await archive.resolve(name).digest.description == digest, "\(name)")
        }
        #expect(try await archive.resolveDefault().digest.description == digest)
        let document = try await archive.manifest(try await archive.resolve("1.0"))
        #expect(try await Fixtures.streamAllBlobs(of: document, from: archive) > 0)
    }
}
