import Foundation
import OCIModel
import Testing
@testable import OCILayout

@Suite("TarReader against GNU tar")
struct TarReaderTests {
    /// `tar -tf` names, normalised like ``TarEntry/name``.
    static func gnuListing(_ archive: String) throws -> [String] {
        String(decoding: try Tool.run("tar", ["-tf", archive]), as: UTF8.self)
            .split(separator: "\n").map { TarPath.normalise(String($0)) }
    }

    @Test("lists and reads what GNU tar wrote", arguments: ["ustar", "gnu", "oldgnu", "pax"])
    func readsGNUTarFormats(format: String) async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let tree = try Fixtures.tree(in: dir)
        let archive = dir.at("x.tar")
        try Tool.run("tar", ["-C", tree, "--format=\(format)", "-cf", archive, "."])

        let reader = try TarReader(path: archive)
        #expect(reader.entries.map(\.name) == (try Self.gnuListing(archive)))
        for entry in reader.entries where entry.kind == .regularFile {
            let onDisk = Array(try Data(contentsOf: URL(fileURLWithPath: "\(tree)/\(entry.name)")))
            #expect(try await reader.bytes(of: entry) == onDisk, "\(entry.name)")
        }
        let long = try #require(reader.entry(named: Fixtures.longName))
        #expect(try await reader.bytes(of: long) == Array("long name\n".utf8))
        let link = try #require(reader.entry(named: "etc/link"))
        #expect(link.kind == .symbolicLink && link.linkTarget == "hello")
        #expect(try reader.followingLinks(link).name == "etc/hello")
        let hardLinked = try #require(reader.entries.first { $0.kind == .hardLink })
        #expect(try await reader.bytes(of: try reader.followingLinks(hardLinked)) == Array("hello from hallmark\n".utf8))
        #expect(reader.entry(named: "emptydir")?.kind == .directory)
    }

    @Test("long link targets (GNU 'K', PAX linkpath) and global PAX headers", arguments: [
        ["--format=gnu"], ["--format=pax", "--pax-option=comment=global header"],
    ])
    func readsLongLinksAndGlobalHeaders(options: [String]) async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        try dir.write("tree/\(Fixtures.longName)", "long name\n")
        try FileManager.default.createSymbolicLink(atPath: dir.at("tree/link"), withDestinationPath: Fixtures.longName)
        let archive = dir.at("x.tar")
        try Tool.run("tar", ["-C", dir.at("tree"), "-cf", archive] + options + ["deep", "link"])

        let reader = try TarReader(path: archive)
        #expect(reader.entries.map(\.name) == (try Self.gnuListing(archive)))
        let link = try #require(reader.entry(named: "link"))
        #expect(link.linkTarget == Fixtures.longName)
        #expect(try await reader.bytes(of: try reader.followingLinks(link)) == Array("long name\n".utf8))
    }

    @Test("reads umoci's layer tar, which starts with a '.' root entry")
    func readsUmociLayer() throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let layout = try Fixtures.umociLayout(in: dir)
        let manifest = try Tool.shell("skopeo inspect --raw oci:\(layout):t")
        let layer = try #require(try JSONInput.decode(ImageManifest.self, from: Array(manifest.utf8), source: "skopeo").layers.first)
        try Tool.shell("gzip -dc '\(layout)/blobs/sha256/\(layer.digest.encoded)' > '\(dir.at("layer.tar"))'")

        let reader = try TarReader(path: dir.at("layer.tar"))
        #expect(reader.entries.first?.name == "")
        #expect(reader.entries.map(\.name) == (try Self.gnuListing(dir.at("layer.tar"))))
        #expect(reader.entry(named: "/etc/hello") != nil && reader.entry(named: "./etc/hello") != nil)
    }

    @Test("normalises names", arguments: [
        ("./etc/hello", "etc/hello"), ("/etc/hello", "etc/hello"), ("etc//x/./y/", "etc/x/y"), (".", ""), ("/", ""), ("../x", "../x"),
    ])
    func normalisesNames(raw: String, normalised: String) {
        #expect(TarPath.normalise(raw) == normalised)
    }

    @Test("tolerates archives missing their end blocks or final padding (quirk-tar-no-eof)", arguments: [false, true])
    func toleratesMissingEnd(keepPadding: Bool) throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let tree = try Fixtures.tree(in: dir)
        let archive = dir.at("x.tar")
        try Tool.run("tar", ["-C", tree, "-cf", archive, "etc/hello", "big.bin", "etc/link"])
        let complete = try TarReader(path: archive)
        let last = try #require(complete.entries.last { $0.kind == .regularFile })
        let end = keepPadding ? complete.entries.last!.dataOffset : last.dataOffset + last.size
        try FileHandle(forWritingTo: URL(fileURLWithPath: archive)).truncate(atOffset: UInt64(end))

        let reader = try TarReader(path: archive)
        #expect(reader.entries.map(\.name) == complete.entries.map(\.name).filter { keepPadding || $0 != "etc/link" })
    }

    @Test("refuses a header whose checksum does not match")
    func refusesBadChecksum() throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let tree = try Fixtures.tree(in: dir)
        let archive = dir.at("x.tar")
        try Tool.run("tar", ["-C", tree, "--format=ustar", "-cf", archive, "etc/hello", "empty"])
        var bytes = try dir.read("x.tar")
        bytes[512 + 512 + 3] ^= 0x01  // the second header's name
        try dir.write("x.tar", bytes)

        let error = try #require(throws: TarError.self) { try TarReader(path: archive) }
        guard case .malformedHeader(let header) = error.reason, case .badChecksum = header.reason else { Issue.record("\(error)"); return }
        #expect(error.archive == archive && error.offset == 1024)
        #expect(error.description.contains(archive))
    }

    @Test("refuses garbage that is not a tar")
    func refusesGarbage() throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let archive = try dir.write("garbage.tar", (0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) })
        let error = try #require(throws: TarError.self) { try TarReader(path: archive) }
        guard case .malformedHeader(let header) = error.reason else { Issue.record("\(error)"); return }
        switch header.reason {
        case .badChecksum, .invalidNumber(field: "checksum"): #expect(error.offset == 0 && error.archive == archive)
        default: Issue.record("\(error)")
        }
    }

    @Test("refuses an entry whose size runs past the end of the file, naming it")
    func refusesSizePastEnd() throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let tree = try Fixtures.tree(in: dir)
        let archive = dir.at("x.tar")
        try Tool.run("tar", ["-C", tree, "-cf", archive, "etc/hello", "big.bin"])
        let big = try #require(try TarReader(path: archive).entry(named: "big.bin"))
        try FileHandle(forWritingTo: URL(fileURLWithPath: archive)).truncate(atOffset: UInt64(big.dataOffset + 1000))

        let error = try #require(throws: TarError.self) { try TarReader(path: archive) }
        #expect(error.entry == "big.bin")
        #expect(error.reason == .sizePastEnd(size: big.size, available: 1000))
        #expect(error.description.contains("entry 'big.bin'"))
    }

    @Test("keeps '..' names out of lookups and refuses them where names locate content")
    func refusesDotDotNames() throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        try dir.write("outside", "escaped\n")
        try dir.write("inner/ok", "ok\n")
        let archive = dir.at("evil.tar")
        try Tool.run("tar", ["-C", dir.at("inner"), "-P", "-cf", archive, "ok", "../outside"])
        #expect(try Self.gnuListing(archive).contains("../outside"))

        let reader = try TarReader(path: archive)
        #expect(reader.entry(named: "../outside") == nil)
        #expect(reader.entries.contains { $0.name == "../outside" && !$0.isSafe })
        let error = try #require(throws: TarError.self) { try reader.requireSafeNames() }
        #expect(error.reason == .unsafeName && error.entry == "../outside")
    }

    @Test("refuses more entries than the limit")
    func refusesTooManyEntries() throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let tree = try Fixtures.tree(in: dir)
        let archive = dir.at("x.tar")
        try Tool.run("tar", ["-C", tree, "-cf", archive, "."])
        let error = try #require(throws: TarError.self) { try TarReader(path: archive, maxEntries: 3) }
        #expect(error.reason == .tooManyEntries(limit: 3))
    }

    @Test("reads base-256 sizes")
    func readsBase256Size() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let tree = try Fixtures.tree(in: dir)
        let archive = dir.at("x.tar")
        try Tool.run("tar", ["-C", tree, "--format=gnu", "-cf", archive, "big.bin"])
        var bytes = try dir.read("x.tar")
        let size = (0..<(3 * TarReader.chunkSize + 123)).count
        var field = [UInt8](repeating: 0, count: 12)
        field[0] = 0x80
        for i in 0..<8 { field[11 - i] = UInt8(truncatingIfNeeded: size >> (8 * i)) }
        bytes.replaceSubrange(124..<136, with: field)
        bytes.replaceSubrange(148..<156, with: [UInt8](repeating: 0x20, count: 8))
        let sum = bytes[0..<512].reduce(0) { $0 + Int($1) }
        bytes.replaceSubrange(148..<156, with: Array(String(format: "%06o", sum).utf8) + [0, 0x20])
        try dir.write("x.tar", bytes)

        let reader = try TarReader(path: archive)
        let entry = try #require(reader.entry(named: "big.bin"))
        #expect(entry.size == Int64(size))
        #expect(try await reader.bytes(of: entry) == (try dir.read("tree/big.bin")))
    }

    @Test("errors name the archive when the file is missing")
    func missingFile() throws {
        let error = try #require(throws: LayoutError.self) { try TarReader(path: "/nonexistent/x.tar") }
        #expect(error.description.contains("/nonexistent/x.tar"))
    }
}
