import Foundation
import OCIModel
import Testing
@testable import ImageFS
import TestSupport

@Suite("Streaming tar reader over chunk streams")
struct TarStreamReaderTests {
    /// `bytes` served in chunks of `size` bytes.
    static func chunks(_ bytes: [UInt8], size: Int) -> ByteChunks {
        ByteChunks {
            let box = ChunkBox(bytes: bytes, size: size)
            return { box.next() }
        }
    }

    /// Every member of `tar` (name, link, kind, content), read through chunks of `chunkSize`.
    static func members(_ tar: [UInt8], chunkSize: Int) async throws -> [String] {
        let stream = LayerByteStream(blob: chunks(tar, size: chunkSize), mediaType: MediaType.ociLayer, layerIndex: 0, layer: nil,
                                     limits: DecompressionLimits(), decompressedBefore: 0, onInput: { _ in })
        let reader = TarStreamReader(stream, layerIndex: 0, layer: nil)
        var out: [String] = []
        while let entry = try await reader.next() {
            let content = entry.kind == .regular ? String(decoding: try await reader.readContent(), as: UTF8.self) : ""
            out.append("\(entry.kind) \(entry.name) \(entry.linkName) \(content)")
        }
        try await reader.drain()
        return out
    }

    static let longDirectory = String(repeating: "d", count: 90) + "/" + String(repeating: "e", count: 60)
    static let longTarget = "/" + String(repeating: "t", count: 140)

    @Test("long names and links in every format GNU tar and Python write, at any chunk size",
          arguments: ["gnu-tar:gnu", "gnu-tar:pax", "gnu-tar:ustar", "python:gnu", "python:pax"], [1, 511, 4096, 1 << 20])
    func longNames(_ maker: String, chunkSize: Int) async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let parts = maker.split(separator: ":").map(String.init)
        if parts[0] == "gnu-tar" {
            try scratch.write("root/\(Self.longDirectory)/file.txt", "hello")
            try scratch.symlink("root/link", to: parts[1] == "ustar" ? "short" : Self.longTarget)
            try LayerTars.gnuTar(root: scratch.at("root"), output: scratch.at("out.tar"), format: parts[1])
        } else {
            try LayerTars.pythonTar([
                .file("\(Self.longDirectory)/file.txt", "hello"), .symlink("link", Self.longTarget),
            ], output: scratch.at("out.tar"), format: parts[1])
        }
        let members = try await Self.members(try scratch.read("out.tar"), chunkSize: chunkSize)
        #expect(members.contains { $0.hasSuffix("\(Self.longDirectory)/file.txt  hello") })
        #expect(members.contains { $0.hasPrefix("symbolicLink ") && $0.hasSuffix(parts[1] == "ustar" ? "link short " : "link \(Self.longTarget) ") })
    }

    /// A one-member tar from Python whose header is then edited by `edit`, checksum recomputed unless told not to.
    static func editedTar(_ scratch: Scratch, fixChecksum: Bool = true, edit: (inout [UInt8]) -> Void) throws -> [UInt8] {
        try LayerTars.pythonTar([.file("file.txt", "hello")], output: scratch.at("one.tar"), format: "ustar")
        var tar = try scratch.read("one.tar")
        edit(&tar)
        if fixChecksum {
            for index in 148..<156 { tar[index] = UInt8(ascii: " ") }
            let sum = tar[0..<512].reduce(0) { $0 + Int($1) }
            let text = Array(String(sum, radix: 8).utf8)
            let field = [UInt8](repeating: UInt8(ascii: "0"), count: 6 - text.count) + text + [0, UInt8(ascii: " ")]
            tar.replaceSubrange(148..<156, with: field)
        }
        return tar
    }

    @Test("a base-256 size field is read")
    func base256Size() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let tar = try Self.editedTar(scratch) { tar in
            tar.replaceSubrange(124..<136, with: [0x80] + [UInt8](repeating: 0, count: 10) + [5])
        }
        #expect(try await Self.members(tar, chunkSize: 100) == ["regular file.txt  hello"])
    }

    @Test("a missing end-of-archive marker is tolerated")
    func missingEndBlocks() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let tar = try Self.editedTar(scratch) { $0 = Array($0.prefix(1024)) }
        #expect(try await Self.members(tar, chunkSize: 4096) == ["regular file.txt  hello"])
    }

    @Test("a header whose checksum does not match is an error with its offset")
    func badChecksum() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let tar = try Self.editedTar(scratch, fixChecksum: false) { $0[0] = UInt8(ascii: "g") }
        await #expect(throws: LayerReadError(layerIndex: 0, layer: nil, reason: .badChecksum(offset: 0))) {
            try await Self.members(tar, chunkSize: 4096)
        }
    }

    @Test("a stream ending inside a member is a truncation error naming it")
    func truncated() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let tar = try Self.editedTar(scratch) { $0 = Array($0.prefix(514)) }
        await #expect(throws: LayerReadError(layerIndex: 0, layer: nil, reason: .truncatedTar(entry: "file.txt"))) {
            try await Self.members(tar, chunkSize: 4096)
        }
    }
}

/// Serves a buffer in fixed-size chunks (one iterator, one task).
private final class ChunkBox: @unchecked Sendable {
    private let bytes: [UInt8]
    private let size: Int
    private var offset = 0

    init(bytes: [UInt8], size: Int) {
        self.bytes = bytes
        self.size = size
    }

    func next() -> [UInt8]? {
        guard offset < bytes.count else { return nil }
        defer { offset += size }
        return Array(bytes[offset..<min(offset + size, bytes.count)])
    }
}
