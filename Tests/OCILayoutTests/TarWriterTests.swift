import Foundation
import OCIModel
import Testing
@testable import OCILayout

@Suite("TarWriter checked with GNU tar")
struct TarWriterTests {
    static let big = (0..<(2 * TarReader.chunkSize + 77)).map { UInt8(truncatingIfNeeded: $0 &* 13) }

    /// Writes directories, small, empty, long-named, unicode and streamed files.
    static func writeSample(_ path: String, modificationTime: Int64 = 0) async throws {
        let tar = try TarWriter(path: path, modificationTime: modificationTime)
        try tar.addDirectory("etc")
        try tar.addFile("etc/hello", bytes: Array("hello\n".utf8))
        try tar.addFile("empty", bytes: [])
        try tar.addFile("bin/run", bytes: Array("#!/bin/sh\n".utf8), mode: 0o755)
        try tar.addFile(Fixtures.longName, bytes: Array("long name\n".utf8))
        try tar.addFile("ünïcode.txt", bytes: Array("unicode\n".utf8))
        let chunks = stride(from: 0, to: big.count, by: 50_000).map { Array(big[$0..<min($0 + 50_000, big.count)]) }
        try await tar.addFile("big.bin", size: Int64(big.count), content: chunks.stream)
        try tar.finish()
    }

    @Test("tar -tvf lists deterministic metadata; tar -xf extracts identical files")
    func gnuTarReadsOutput() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let archive = dir.at("out.tar")
        try await Self.writeSample(archive)

        let listing = String(decoding: try Tool.run("tar", ["--utc", "-tvf", archive]), as: UTF8.self).split(separator: "\n")
        #expect(listing.map { String($0.split(separator: " ").last!) }.map(TarPath.normalise) == [
            "etc", "etc/hello", "empty", "bin/run", Fixtures.longName, "ünïcode.txt", "big.bin",
        ])
        #expect(listing.allSatisfy { $0.contains(" 0/0 ") && $0.contains("1970-01-01 00:00") })
        #expect(listing[0].hasPrefix("drwxr-xr-x"))
        #expect(listing[1].hasPrefix("-rw-r--r--"))
        #expect(listing[3].hasPrefix("-rwxr-xr-x"))
        #expect(listing[6].contains(" \(Self.big.count) "))

        try FileManager.default.createDirectory(atPath: dir.at("x"), withIntermediateDirectories: true)
        try Tool.run("tar", ["-C", dir.at("x"), "-xf", archive])
        #expect(try dir.read("x/big.bin") == Self.big)
        #expect(try dir.read("x/\(Fixtures.longName)") == Array("long name\n".utf8))
        #expect(try dir.read("x/ünïcode.txt") == Array("unicode\n".utf8))

        let bytes = try dir.read("out.tar")
        #expect(bytes.count % 512 == 0 && bytes.suffix(1024).allSatisfy { $0 == 0 })
        let reader = try TarReader(path: archive)
        #expect(try await reader.bytes(of: try #require(reader.entry(named: "big.bin"))) == Self.big)
    }

    @Test("same input, same bytes; the modification time is the given one")
    func deterministic() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        try await Self.writeSample(dir.at("a.tar"))
        try await Self.writeSample(dir.at("b.tar"))
        #expect(try dir.read("a.tar") == dir.read("b.tar"))

        try await Self.writeSample(dir.at("c.tar"), modificationTime: 1_700_000_000)
        let listing = String(decoding: try Tool.run("tar", ["--utc", "-tvf", dir.at("c.tar")]), as: UTF8.self)
        #expect(listing.contains("2023-11-14 22:13"))
    }

    @Test("a stream shorter or longer than declared is refused", arguments: [10, 30])
    func refusesSizeMismatch(actual: Int) async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let tar = try TarWriter(path: dir.at("x.tar"))
        let content = ByteChunks(bytes: [UInt8](repeating: 1, count: actual))
        let error = try await #require(throws: TarWriterError.self) { try await tar.addFile("f", size: 20, content: content) }
        guard case .sizeMismatch(let entry, 20, _) = error else { Issue.record("\(error)"); return }
        #expect(entry == "f")
    }
}

extension Array where Element == [UInt8] {
    /// These chunks as a pull-based stream.
    var stream: ByteChunks {
        let chunks = self
        return ByteChunks {
            let cursor = ChunkCursor(chunks)
            return { cursor.next() }
        }
    }
}

final class ChunkCursor: @unchecked Sendable {
    private var remaining: [[UInt8]]
    init(_ chunks: [[UInt8]]) { remaining = chunks }
    func next() -> [UInt8]? { remaining.isEmpty ? nil : remaining.removeFirst() }
}
