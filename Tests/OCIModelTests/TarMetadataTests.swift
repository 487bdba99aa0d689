import OCIModel
import Testing
import TestSupport

/// The header state machine both tar readers share: what metadata applies to which
/// member, and hostile sizes and lengths refused with the field named, never a trap.
@Suite("Tar header state machine")
struct TarMetadataTests {
    /// The members of `tar`, through the state machine alone.
    static func members(_ tar: [UInt8]) throws(TarFormatError) -> [TarMemberHeader] {
        var metadata = TarMetadata()
        var members: [TarMemberHeader] = []
        var offset = 0
        while offset + TarHeader.blockSize <= tar.count {
            let block = Array(tar[offset..<(offset + TarHeader.blockSize)])
            offset += TarHeader.blockSize
            if TarHeader.isZero(block) { break }
            switch try metadata.header(block) {
            case .metadata(let size):
                try metadata.absorb(Array(tar[offset..<(offset + Int(size))]))
                offset += Int(TarHeader.padded(size))
            case .member(let member):
                members.append(member)
                offset += Int(member.paddedSize)
            }
        }
        return members
    }

    static let global = TarHeader.paxRecord("path", "g")
    /// A valid record, then one claiming a length near `Int.max` (the sum of the two overflowed).
    static func absurdLength(_ length: Int) -> [UInt8] {
        TarHeader.paxRecord("comment", "x") + Array("\(length) path=x\n".utf8)
    }

    @Test("PAX and GNU names apply to the next member only; global headers are checked and ignored")
    func whatApplies() throws {
        let longName = String(repeating: "n", count: 150)
        let tar = CraftedTar.header("././@LongLink", typeflag: TarHeader.Flag.gnuLongName, size: Int64(longName.utf8.count + 1))
            + CraftedTar.padded(Array(longName.utf8) + [0])
            + CraftedTar.file("short", [1, 2, 3])
            + CraftedTar.header("pax_global_header", typeflag: TarHeader.Flag.paxGlobal, size: Int64(Self.global.count))
            + CraftedTar.padded(Self.global)
            + CraftedTar.pax(TarHeader.paxRecord("path", "from-pax") + TarHeader.paxRecord("linkpath", "target"))
            + CraftedTar.header("link", typeflag: TarHeader.Flag.symbolicLink, size: 99)
            + CraftedTar.file("plain", [])
            + CraftedTar.end
        let members = try Self.members(tar)
        #expect(members.map(\.name) == [longName, "from-pax", "plain"])
        #expect(members[1].linkName == "target" && members[1].size == 0)
        #expect(members[0].size == 3 && members[0].paddedSize == 512)
    }

    @Test("sizes near Int64.max and PAX record lengths near Int.max are refused, naming the field", arguments: [
        (CraftedTar.header("huge") { $0.replaceSubrange(TarHeader.Field.size, with: CraftedTar.base256(.max)) },
         TarFormatError.Reason.sizeTooLarge(field: "size", size: .max)),
        (CraftedTar.pax(TarHeader.paxRecord("size", String(Int64.max))) + CraftedTar.header("huge"),
         .sizeTooLarge(field: "PAX size", size: .max)),
        (CraftedTar.pax(TarHeader.paxRecord("size", "99999999999999999999")) + CraftedTar.header("huge"),
         .malformedPAX("size '99999999999999999999' is not a number")),
        (CraftedTar.pax(TarMetadataTests.absurdLength(.max - 2)) + CraftedTar.header("x"),
         .malformedPAX("a record's length does not match its bytes")),
        (CraftedTar.pax(TarMetadataTests.absurdLength(.max)) + CraftedTar.header("x"),
         .malformedPAX("a record's length does not match its bytes")),
        (CraftedTar.header("././@LongLink", typeflag: TarHeader.Flag.gnuLongName) {
            $0.replaceSubrange(TarHeader.Field.size, with: CraftedTar.base256(.max))
        }, .metadataTooLarge(size: .max, limit: TarMetadata.maxMetadataSize)),
    ])
    func hostile(tar: [UInt8], reason: TarFormatError.Reason) {
        #expect(throws: TarFormatError(reason)) { try Self.members(tar + CraftedTar.end) }
    }

    @Test("the largest size accepted is padded without overflow")
    func largestSize() throws {
        let block = CraftedTar.header("big") { $0.replaceSubrange(TarHeader.Field.size, with: CraftedTar.base256(TarHeader.maxMemberSize)) }
        var metadata = TarMetadata()
        guard case .member(let member) = try metadata.header(block) else { Issue.record("not a member"); return }
        #expect(member.paddedSize == TarHeader.maxMemberSize)
    }
}
