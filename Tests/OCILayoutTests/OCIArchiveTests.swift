import Foundation
import OCIModel
import Testing
@testable import OCILayout

@Suite("OCIArchive and OCIArchiveWriter against skopeo")
struct OCIArchiveTests {
    @Test("reads skopeo's oci-archive in place; its one untagged image is the default")
    func readsSkopeoArchive() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let layout = try Fixtures.umociLayout(in: dir)
        let file = dir.at("y.tar")
        try Tool.run("skopeo", ["copy", "oci:\(layout):t", "oci-archive:\(file)"])

        let archive = try OCIArchive(path: file)
        let descriptor = try await archive.resolveDefault()
        #expect(descriptor.digest.description == (try Fixtures.skopeoDigest("oci-archive:\(file)")))
        let manifest = try await archive.manifest(descriptor)
        #expect(try await Fixtures.streamAllBlobs(of: manifest, from: archive) > 0)
        #expect(try await archive.tags().isEmpty)
        #expect(try await archive.resolve(descriptor.digest.description).digest == descriptor.digest)
        await #expect(throws: ContentNotFound.self) { try await archive.resolve("t") }
    }

    @Test("writes an archive skopeo reads byte for byte; it reads back, and the staging directory is gone")
    func roundTrip() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let source = try OCIDirectory(readingAt: try Fixtures.umociLayout(in: dir))
        let file = dir.at("out/z.tar")
        try FileManager.default.createDirectory(atPath: dir.at("out"), withIntermediateDirectories: true)
        let root = try await Fixtures.copy("t", from: source, to: try OCIArchiveWriter(path: file), tag: "t")

        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.at("out")) == ["z.tar"])
        #expect(try Tool.run("skopeo", ["inspect", "--raw", "oci-archive:\(file):t"]) == root.bytes)
        try Tool.run("skopeo", ["copy", "oci-archive:\(file):t", "oci:\(dir.at("copy")):t"])
        let listing = String(decoding: try Tool.run("tar", ["-tf", file]), as: UTF8.self).split(separator: "\n")
        #expect(Array(listing.prefix(4)) == ["oci-layout", "index.json", "blobs/", "blobs/sha256/"])
        #expect(listing.count == 4 + 3)

        let archive = try OCIArchive(path: file)
        let read = try await archive.manifest(try await archive.resolve("t"))
        #expect(read == root)
        #expect(try await Fixtures.streamAllBlobs(of: read, from: archive) > 0)
    }

    @Test("a writer dropped without commit removes its staging directory")
    func abandonedWriterCleansUp() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        do {
            let writer = try OCIArchiveWriter(path: dir.at("z.tar"))
            _ = try await Fixtures.smallImage("abandoned", into: writer)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).count == 1)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test("archives with '..' names, or truncated inside an entry, are refused")
    func hostileArchives() throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let layout = try Fixtures.umociLayout(in: dir)
        try Tool.run("tar", ["-C", layout, "-P", "-cf", dir.at("evil.tar"), "oci-layout", "index.json", "../layout/index.json"])
        let unsafe = try #require(throws: TarError.self) { try OCIArchive(path: dir.at("evil.tar")) }
        #expect(unsafe.reason == .unsafeName && unsafe.entry == "../layout/index.json")

        try Tool.run("tar", ["-C", layout, "-cf", dir.at("cut.tar"), "."])
        let largest = try #require(try TarReader(path: dir.at("cut.tar")).entries.max { $0.size < $1.size })
        try FileHandle(forWritingTo: URL(fileURLWithPath: dir.at("cut.tar"))).truncate(atOffset: UInt64(largest.dataOffset + largest.size / 2))
        let cut = try #require(throws: TarError.self) { try OCIArchive(path: dir.at("cut.tar")) }
        #expect(cut.entry == largest.name)
    }
}
