/// The 512-byte tar header block of a streaming read: ustar and GNU field layout,
/// octal and base-256 numbers, the checksum, and PAX records.
enum TarHeaderBlock {
    static let size = 512

    /// Type flags this reader treats specially.
    enum Flag {
        static let regular = UInt8(ascii: "0")
        static let regularOld: UInt8 = 0
        static let hardLink = UInt8(ascii: "1")
        static let symbolicLink = UInt8(ascii: "2")
        static let directory = UInt8(ascii: "5")
        static let contiguous = UInt8(ascii: "7")
        static let gnuLongName = UInt8(ascii: "L")
        static let gnuLongLink = UInt8(ascii: "K")
        static let paxExtended = UInt8(ascii: "x")
        static let paxGlobal = UInt8(ascii: "g")
    }

    static let nameField = 0..<100
    static let sizeField = 124..<136
    static let checksumField = 148..<156
    static let typeFlagOffset = 156
    static let linkNameField = 157..<257
    static let magicField = 257..<263
    static let prefixField = 345..<500
    static let posixMagic: [UInt8] = Array("ustar\0".utf8)

    /// `size` rounded up to whole blocks, minus `size`: the padding after content.
    static func padding(after size: Int64) -> Int64 { (512 - size % 512) % 512 }

    /// Whether every byte of the block is zero (an end-of-archive block).
    static func isZero(_ block: [UInt8]) -> Bool {
        block.withUnsafeBytes { raw in
            raw.bindMemory(to: UInt64.self).allSatisfy { $0 == 0 }
        }
    }

    /// Whether the stored checksum equals the sum of the block's bytes with the checksum
    /// field counted as spaces (unsigned, or signed as some old tars wrote it).
    static func checksumMatches(_ block: [UInt8]) -> Bool {
        guard let stored = number(block[checksumField]) else { return false }
        var unsigned: Int64 = 0
        var signed: Int64 = 0
        for (index, byte) in block.enumerated() {
            let value = checksumField.contains(index) ? UInt8(ascii: " ") : byte
            unsigned += Int64(value)
            signed += Int64(Int8(bitPattern: value))
        }
        return stored == unsigned || stored == signed
    }

    /// A NUL-terminated string field.
    static func string(_ field: ArraySlice<UInt8>) -> String {
        String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// The member name: `prefix/name` for POSIX ustar headers, else `name`.
    static func name(_ block: [UInt8]) -> String {
        let name = string(block[nameField])
        guard block[magicField].elementsEqual(posixMagic) else { return name }
        let prefix = string(block[prefixField])
        return prefix.isEmpty ? name : prefix + "/" + name
    }

    /// A numeric field: octal digits padded with spaces or NULs, or base-256 when the high
    /// bit of the first byte is set; `nil` when malformed or negative.
    static func number(_ field: ArraySlice<UInt8>) -> Int64? {
        guard let first = field.first else { return nil }
        if first & 0x80 != 0 {
            guard first == 0x80 else { return nil }
            var value: Int64 = 0
            for byte in field.dropFirst() {
                guard value <= (Int64.max >> 8) else { return nil }
                value = value << 8 | Int64(byte)
            }
            return value
        }
        var value: Int64 = 0
        var seenDigit = false
        for byte in field {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                guard value <= (Int64.max >> 3) else { return nil }
                value = value << 3 | Int64(byte - UInt8(ascii: "0"))
                seenDigit = true
            case UInt8(ascii: " "), 0:
                if seenDigit { return value }
            default:
                return nil
            }
        }
        return value
    }

    /// The `key=value` records of a PAX extended header (`"%d %s=%s\n"`, the length counting
    /// the whole record); `nil` when a record is malformed.
    static func paxRecords(_ data: [UInt8]) -> [String: String]? {
        var records: [String: String] = [:]
        var index = 0
        while index < data.count {
            if data[index] == 0 { break }
            guard let space = data[index...].firstIndex(of: UInt8(ascii: " ")),
                  let length = Int(String(decoding: data[index..<space], as: UTF8.self)),
                  length > space - index, index + length <= data.count, data[index + length - 1] == UInt8(ascii: "\n"),
                  let equals = data[(space + 1)..<(index + length)].firstIndex(of: UInt8(ascii: "="))
            else { return nil }
            let key = String(decoding: data[(space + 1)..<equals], as: UTF8.self)
            records[key] = String(decoding: data[(equals + 1)..<(index + length - 1)], as: UTF8.self)
            index += length
        }
        return records
    }
}
