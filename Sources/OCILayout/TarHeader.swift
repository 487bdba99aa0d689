/// The 512-byte ustar header block: its field layout, numbers (octal and
/// base-256), checksum, and PAX records; used by both ``TarReader`` and ``TarWriter``.
enum TarHeader {
    static let blockSize = 512

    /// Type flags.
    enum Flag {
        static let regular = UInt8(ascii: "0")
        static let regularOld: UInt8 = 0
        static let hardLink = UInt8(ascii: "1")
        static let symbolicLink = UInt8(ascii: "2")
        static let characterDevice = UInt8(ascii: "3")
        static let blockDevice = UInt8(ascii: "4")
        static let directory = UInt8(ascii: "5")
        static let fifo = UInt8(ascii: "6")
        static let contiguous = UInt8(ascii: "7")
        static let gnuLongName = UInt8(ascii: "L")
        static let gnuLongLink = UInt8(ascii: "K")
        static let paxExtended = UInt8(ascii: "x")
        static let paxGlobal = UInt8(ascii: "g")
    }

    /// Byte ranges of the fields.
    enum Field {
        static let name = 0..<100
        static let mode = 100..<108
        static let uid = 108..<116
        static let gid = 116..<124
        static let size = 124..<136
        static let mtime = 136..<148
        static let checksum = 148..<156
        static let typeflag = 156
        static let linkname = 157..<257
        static let magic = 257..<263
        static let version = 263..<265
        static let prefix = 345..<500
    }

    static let ustarMagic: [UInt8] = Array("ustar\0".utf8)

    /// The largest size the 11 octal digits of the size field hold.
    static let maxOctalSize: Int64 = 0o77777777777

    /// `size` rounded up to whole blocks.
    static func padded(_ size: Int64) -> Int64 { (size + 511) / 512 * 512 }

    // MARK: reading

    /// The bytes of a string field, up to its first NUL.
    static func string(_ block: ArraySlice<UInt8>) -> [UInt8] {
        Array(block.prefix { $0 != 0 })
    }

    /// A numeric field: octal digits (padded with spaces or NULs), or base-256
    /// when the high bit of its first byte is set; `nil` if neither, or negative.
    static func number(_ field: ArraySlice<UInt8>) -> Int64? {
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
        return digits.allSatisfy { $0 == 0x20 || $0 == 0 } ? value : nil
    }

    /// The header's sums with the checksum field counted as spaces: unsigned (POSIX)
    /// and signed (what some historic writers produced).
    static func checksums(_ block: [UInt8]) -> (unsigned: Int64, signed: Int64) {
        var unsigned: Int64 = 0, signed: Int64 = 0
        for (i, byte) in block.enumerated() {
            let b = Field.checksum.contains(i) ? 0x20 : byte
            unsigned += Int64(b)
            signed += Int64(Int8(bitPattern: b))
        }
        return (unsigned, signed)
    }

    /// The `key=value` records of a PAX extended header.
    static func paxRecords(_ data: [UInt8]) throws(MalformedPAX) -> [String: String] {
        var records: [String: String] = [:]
        var start = 0
        while start < data.count {
            guard let space = data[start...].firstIndex(of: 0x20), space > start else {
                if data[start...].allSatisfy({ $0 == 0 }) { break }
                throw MalformedPAX(why: "a record does not start with its length")
            }
            guard let length = Int(String(decoding: data[start..<space], as: UTF8.self)), length > space - start,
                  start + length <= data.count, data[start + length - 1] == 0x0a
            else { throw MalformedPAX(why: "a record's length does not match its bytes") }
            let record = data[(space + 1)..<(start + length - 1)]
            guard let equals = record.firstIndex(of: UInt8(ascii: "=")) else { throw MalformedPAX(why: "a record has no '='") }
            records[String(decoding: record[..<equals], as: UTF8.self)] = String(decoding: record[(equals + 1)...], as: UTF8.self)
            start += length
        }
        return records
    }

    /// Why PAX records did not parse.
    struct MalformedPAX: Error {
        let why: String
    }

    // MARK: writing

    /// A ustar header block; `name` and `linkName` must fit their fields (use PAX otherwise).
    static func encode(name: [UInt8], typeflag: UInt8, size: Int64, mode: UInt32, modificationTime: Int64, linkName: [UInt8] = []) -> [UInt8] {
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
        let sum = checksums(block).unsigned
        let digits = Array(String(sum, radix: 8).utf8)
        let field = [UInt8](repeating: 0x30, count: 6 - digits.count) + digits + [0, 0x20]
        block.replaceSubrange(Field.checksum, with: field)
        return block
    }

    /// Zero-padded octal digits filling the field but its last byte, which stays NUL.
    private static func putOctal(_ value: Int64, into block: inout [UInt8], _ field: Range<Int>) {
        let digits = Array(String(value, radix: 8).utf8)
        let width = field.count - 1
        let padded = [UInt8](repeating: 0x30, count: max(0, width - digits.count)) + digits.suffix(width)
        block.replaceSubrange(field.lowerBound..<(field.lowerBound + width), with: padded)
    }

    /// One PAX record, `"<length> key=value\n"`, where the length counts itself.
    static func paxRecord(_ key: String, _ value: String) -> [UInt8] {
        let body = Array(" \(key)=\(value)\n".utf8)
        var length = body.count + 1
        while String(length).utf8.count + body.count != length { length = String(length).utf8.count + body.count }
        return Array(String(length).utf8) + body
    }
}
