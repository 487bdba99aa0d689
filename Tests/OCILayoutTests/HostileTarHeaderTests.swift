import Foundation
import OCIModel
import Testing
import TestSupport
@testable import OCILayout

/// The archive reader on hostile headers: sizes near `Int64.max` and PAX record lengths
/// near `Int.max` are a ``TarError`` naming the archive and field, never a trap.
@Suite("TarReader on hostile headers")
struct HostileTarHeaderTests {
    @Test("hostile sizes and lengths are refused, naming the archive and field", arguments: [
        (CraftedTar.header("huge") { $0.replaceSubrange(TarHeader.Field.size, with: CraftedTar.base256(.max)) },
         TarFormatError.Reason.sizeTooLarge(field: "size", size: .max)),
        (CraftedTar.pax(TarHeader.paxRecord("size", String(Int64.max))) + CraftedTar.header("huge"),
         .sizeTooLarge(field: "PAX size", size: .max)),
        (CraftedTar.pax(TarHeader.paxRecord("comment", "x") + Array("\(Int.max - 2) path=x\n".utf8)) + CraftedTar.header("x"),
         .malformedPAX("a record's length does not match its bytes")),
    ])
    func hostile(tar: [UInt8], reason: TarFormatError.Reason) throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let archive = try dir.write("x.tar", tar + CraftedTar.end)
        let error = try #require(throws: TarError.self) { try TarReader(path: archive) }
        #expect(error.reason == .malformedHeader(TarFormatError(reason)))
        #expect(error.description.contains(archive))
    }
}
