import OCIModel
import Testing
import TestSupport
@testable import ImageFS

/// The streaming reader on hostile headers: sizes near `Int64.max` and PAX record lengths
/// near `Int.max` are an error naming the offset and field, never a trap; a global PAX
/// header's `path` renames nothing (as in the archive reader, and as runtimes unpack).
@Suite("Streaming tar reader on hostile headers")
struct HostileTarHeaderTests {
    static let hugeBase256 = CraftedTar.header("huge") { $0.replaceSubrange(TarHeader.Field.size, with: CraftedTar.base256(.max)) }

    @Test("hostile sizes and lengths are a malformed-header error at the header's offset", arguments: [
        (HostileTarHeaderTests.hugeBase256, 0, "the size field says \(Int64.max) bytes"),
        (CraftedTar.pax(TarHeader.paxRecord("size", String(Int64.max))) + CraftedTar.header("huge"), 1024, "the PAX size field"),
        (CraftedTar.pax(TarHeader.paxRecord("comment", "x") + Array("\(Int.max - 2) path=x\n".utf8)), 0, "a record's length"),
    ])
    func hostile(tar: [UInt8], offset: Int, detail: String) async throws {
        let error = try await #require(throws: LayerReadError.self) {
            try await TarStreamReaderTests.members(tar + CraftedTar.file("next", [1]) + CraftedTar.end, chunkSize: 4096)
        }
        guard case .malformedHeader(let at, let text) = error.reason else { Issue.record("\(error)"); return }
        #expect(at == Int64(offset) && text.contains(detail), "\(error)")
    }

    @Test("a global PAX header's path renames nothing")
    func globalHeader() async throws {
        let global = TarHeader.paxRecord("path", "renamed")
        let tar = CraftedTar.header("pax_global_header", typeflag: TarHeader.Flag.paxGlobal, size: Int64(global.count))
            + CraftedTar.padded(global) + CraftedTar.file("a", Array("x".utf8)) + CraftedTar.file("b", Array("y".utf8)) + CraftedTar.end
        #expect(try await TarStreamReaderTests.members(tar, chunkSize: 512) == ["regular a  x", "regular b  y"])
    }
}
