/// Bounds-checked reads of fixed-width integers and byte ranges from a file's content,
/// in either byte order. Every offset and length comes from untrusted input, so each
/// read is checked against the buffer and fails with a ``FileFormatError`` saying what
/// was being read where.
struct BinaryReader: Sendable {
    let bytes: [UInt8]
    let bigEndian: Bool

    init(_ bytes: [UInt8], bigEndian: Bool) {
        self.bytes = bytes
        self.bigEndian = bigEndian
    }

    /// Whether `count` bytes starting at `offset` lie inside the buffer.
    func contains(offset: UInt64, count: UInt64) -> Bool {
        offset <= UInt64(bytes.count) && count <= UInt64(bytes.count) - offset
    }

    /// The unsigned integer of `width` bytes (1...8) at `offset`.
    func uint(at offset: UInt64, width: Int, _ what: @autoclosure () -> String) throws(FileFormatError) -> UInt64 {
        guard contains(offset: offset, count: UInt64(width)) else {
            throw FileFormatError("\(what()) at offset \(offset) is past the end of the data (\(bytes.count) bytes)")
        }
        let start = Int(offset)
        var value: UInt64 = 0
        for index in 0..<width {
            let byte = UInt64(bytes[start + (bigEndian ? index : width - 1 - index)])
            value = value << 8 | byte
        }
        return value
    }

    func u16(_ offset: UInt64, _ what: @autoclosure () -> String) throws(FileFormatError) -> UInt64 {
        try uint(at: offset, width: 2, what())
    }

    func u32(_ offset: UInt64, _ what: @autoclosure () -> String) throws(FileFormatError) -> UInt64 {
        try uint(at: offset, width: 4, what())
    }

    func u64(_ offset: UInt64, _ what: @autoclosure () -> String) throws(FileFormatError) -> UInt64 {
        try uint(at: offset, width: 8, what())
    }

    /// The `count` bytes at `offset`.
    func slice(at offset: UInt64, count: UInt64, _ what: @autoclosure () -> String) throws(FileFormatError) -> ArraySlice<UInt8> {
        guard contains(offset: offset, count: count) else {
            throw FileFormatError("\(what()) (\(count) bytes at offset \(offset)) extends past the end of the data (\(bytes.count) bytes)")
        }
        return bytes[Int(offset)..<Int(offset + count)]
    }
}
