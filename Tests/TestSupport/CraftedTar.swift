import OCIModel

/// Tar bytes built block by block with OCIModel's ``TarHeader``, for the headers no tool
/// writes: sizes near `Int64.max`, PAX records with absurd lengths, targets of 64 KiB.
public enum CraftedTar {
    /// The end-of-archive marker (two zero blocks).
    public static let end = [UInt8](repeating: 0, count: 2 * TarHeader.blockSize)

    /// A ustar header block; `edit` changes its bytes afterwards and the checksum is made to match.
    public static func header(_ name: String, typeflag: UInt8 = TarHeader.Flag.regular, size: Int64 = 0, linkName: String = "",
                              edit: (inout [UInt8]) -> Void = { _ in }) -> [UInt8] {
        var block = TarHeader.encode(name: Array(name.utf8), typeflag: typeflag, size: size, mode: 0o644, modificationTime: 0,
                                     linkName: Array(linkName.utf8))
        edit(&block)
        TarHeader.sealChecksum(&block)
        return block
    }

    /// A regular file member with `content`.
    public static func file(_ name: String, _ content: [UInt8]) -> [UInt8] {
        header(name, size: Int64(content.count)) + padded(content)
    }

    /// A PAX extended header member whose content is `records` as given (well formed or not).
    public static func pax(_ records: [UInt8]) -> [UInt8] {
        header("PaxHeaders/x", typeflag: TarHeader.Flag.paxExtended, size: Int64(records.count)) + padded(records)
    }

    /// `value` as a 12-byte base-256 numeric field.
    public static func base256(_ value: Int64) -> [UInt8] {
        [0x80, 0, 0, 0] + (0..<8).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    /// `content` followed by zeros up to a whole block.
    public static func padded(_ content: [UInt8]) -> [UInt8] {
        content + [UInt8](repeating: 0, count: Int(TarHeader.padding(after: Int64(content.count))))
    }
}
