/// The 512-byte tar header block (ustar, GNU and PAX): its field layout, numbers (octal
/// and base-256), checksum, names and PAX records. Image layers are tar streams, so the
/// streaming layer reader (ImageFS) and the archive reader and writer (OCILayout) share it.
public enum TarHeader {
    public static let blockSize = 512

    /// Type flags.
    public enum Flag {
        public static let regular = UInt8(ascii: "0")
        public static let regularOld: UInt8 = 0
        public static let hardLink = UInt8(ascii: "1")
        public static let symbolicLink = UInt8(ascii: "2")
        public static let characterDevice = UInt8(ascii: "3")
        public static let blockDevice = UInt8(ascii: "4")
        public static let directory = UInt8(ascii: "5")
        public static let fifo = UInt8(ascii: "6")
        public static let contiguous = UInt8(ascii: "7")
        public static let gnuLongName = UInt8(ascii: "L")
        public static let gnuLongLink = UInt8(ascii: "K")
        public static let paxExtended = UInt8(ascii: "x")
        public static let paxGlobal = UInt8(ascii: "g")
    }

    /// Byte ranges of the fields.
    public enum Field {
        public static let name = 0..<100
        public static let mode = 100..<108
        public static let uid = 108..<116
        public static let gid = 116..<124
        public static let size = 124..<136
        public static let mtime = 136..<148
        public static let checksum = 148..<156
        public static let typeflag = 156
        public static let linkname = 157..<257
        public static let magic = 257..<263
        public static let version = 263..<265
        public static let prefix = 345..<500
    }

    public static let ustarMagic: [UInt8] = Array("ustar\0".utf8)

    /// The largest size the 11 octal digits of the size field hold.
    public static let maxOctalSize: Int64 = 0o77777777777

    /// The largest member size accepted: the largest whose padding to whole blocks fits
    /// in 64 bits (base-256 and PAX sizes can say more; no real archive comes near).
    public static let maxMemberSize: Int64 = Int64.max - Int64(blockSize - 1)

    /// `size` (at most ``maxMemberSize``) rounded up to whole blocks.
    public static func padded(_ size: Int64) -> Int64 { (size + 511) / 512 * 512 }

    /// The padding after `size` bytes of content, up to the next block.
    public static func padding(after size: Int64) -> Int64 { padded(size) - size }

    // MARK: reading

    /// Whether every byte of the block is zero (an end-of-archive block).
    public static func isZero(_ block: [UInt8]) -> Bool {
        block.allSatisfy { $0 == 0 }
    }

    /// The bytes of a string field, up to its first NUL.
    public static func string(_ block: ArraySlice<UInt8>) -> [UInt8] {
        Array(block.prefix { $0 != 0 })
    }

    /// The member name: `prefix/name` for POSIX ustar headers, else `name`.
    public static func name(_ block: [UInt8]) -> String {
        let name = String(decoding: string(block[Field.name]), as: UTF8.self)
        guard block[Field.magic].elementsEqual(ustarMagic) else { return name }
        let prefix = string(block[Field.prefix])
        return prefix.isEmpty ? name : String(decoding: prefix, as: UTF8.self) + "/" + name
    }

    /// A numeric field, read as GNU tar does: octal digits after optional spaces or NULs,
    /// ended by a space, a NUL or the field's end; or base-256 when the high bit of its first
    /// byte is set. `nil` if neither, negative, or too large.
    public static func number(_ field: ArraySlice<UInt8>) -> Int64? {
        guard let first = field.first else { return nil }
        if first & 0x80 != 0 {
            guard first == 0x80 else { return nil }  // 0xff marks a negative number
            var value: Int64 = 0
            for byte in field.dropFirst() {
                guard value < (Int64(1) << 55) else { return nil }
                value = value << 8 | Int64(byte)
            }
            return value
        }
        var value: Int64 = 0
        var digits = field.drop { $0 == 0x20 || $0 == 0 }
        while let c = digits.first, c >= 0x30, c <= 0x37 {
            guard value < (Int64(1) << 60) else { return nil }
            value = value * 8 + Int64(c - 0x30)
            digits = digits.dropFirst()
        }
        guard let terminator = digits.first else { return value }
        return terminator == 0x20 || terminator == 0 ? value : nil
    }

    /// The header's sums with the checksum field counted as spaces: unsigned (POSIX)
    /// and signed (what some historic writers produced).
    public static func checksums(_ block: [UInt8]) -> (unsigned: Int64, signed: Int64) {
        var unsigned: Int64 = 0, signed: Int64 = 0
        for (i, byte) in block.enumerated() {
            let b = Field.checksum.contains(i) ? 0x20 : byte
            unsigned += Int64(b)
            signed += Int64(Int8(bitPattern: b))
        }
        return (unsigned, signed)
    }

    /// Types whose size field does not count content bytes (as Go's `archive/tar` reads them).
    public static func isHeaderOnly(_ flag: UInt8) -> Bool {
        [Flag.hardLink, Flag.symbolicLink, Flag.characterDevice, Flag.blockDevice, Flag.directory, Flag.fifo].contains(flag)
    }

    /// The `key=value` records of a PAX extended header.
    public static func paxRecords(_ data: [UInt8]) throws(MalformedPAX) -> [String: String] {
        var records: [String: String] = [:]
        var start = 0
        while start < data.count {
            guard let space = data[start...].firstIndex(of: 0x20), space > start else {
                if data[start...].allSatisfy({ $0 == 0 }) { break }
                throw MalformedPAX(why: "a record does not start with its length")
            }
            guard let length = Int(String(decoding: data[start..<space], as: UTF8.self)), length > space - start,
                  length <= data.count - start, data[start + length - 1] == 0x0a
            else { throw MalformedPAX(why: "a record's length does not match its bytes") }
            let record = data[(space + 1)..<(start + length - 1)]
            guard let equals = record.firstIndex(of: UInt8(ascii: "=")) else { throw MalformedPAX(why: "a record has no '='") }
            records[String(decoding: record[..<equals], as: UTF8.self)] = String(decoding: record[(equals + 1)...], as: UTF8.self)
            start += length
        }
        return records
    }

    /// Why PAX records did not parse.
    public struct MalformedPAX: Error {
        public let why: String
    }

    // MARK: writing

    /// A ustar header block; `name` and `linkName` must fit their fields (use PAX otherwise).
    public static func encode(name: [UInt8], typeflag: UInt8, size: Int64, mode: UInt32, modificationTime: Int64, linkName: [UInt8] = []) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: blockSize)
        block.replaceSubrange(Field.name.lowerBound..<(Field.name.lowerBound + name.count), with: name)
        putOctal(Int64(mode), into: &block, Field.mode)
        putOctal(0, into: &block, Field.uid)
        putOctal(0, into: &block, Field.gid)
        putOctal(size, into: &block, Field.size)
        putOctal(modificationTime, into: &block, Field.mtime)
        block[Field.typeflag] = typeflag
        block.replaceSubrange(Field.linkname.lowerBound..<(Field.linkname.lowerBound + linkName.count), with: linkName)
        block.replaceSubrange(Field.magic, with: ustarMagic)
        block.replaceSubrange(Field.version, with: Array("00".utf8))
        sealChecksum(&block)
        return block
    }

    /// Writes the checksum of the block's other bytes into its checksum field.
    public static func sealChecksum(_ block: inout [UInt8]) {
        let digits = Array(String(checksums(block).unsigned, radix: 8).utf8)
        block.replaceSubrange(Field.checksum, with: [UInt8](repeating: 0x30, count: 6 - digits.count) + digits + [0, 0x20])
    }

    /// Zero-padded octal digits filling the field but its last byte, which stays NUL.
    private static func putOctal(_ value: Int64, into block: inout [UInt8], _ field: Range<Int>) {
        let digits = Array(String(value, radix: 8).utf8)
        let width = field.count - 1
        let padded = [UInt8](repeating: 0x30, count: max(0, width - digits.count)) + digits.suffix(width)
        block.replaceSubrange(field.lowerBound..<(field.lowerBound + width), with: padded)
    }

    /// One PAX record, `"<length> key=value\n"`, where the length counts itself.
    public static func paxRecord(_ key: String, _ value: String) -> [UInt8] {
        let body = Array(" \(key)=\(value)\n".utf8)
        var length = body.count + 1
        while String(length).utf8.count + body.count != length { length = String(length).utf8.count + body.count }
        return Array(String(length).utf8) + body
    }
}
