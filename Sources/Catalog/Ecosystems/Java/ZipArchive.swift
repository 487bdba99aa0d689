/// A ZIP archive read from memory through its central directory (the local headers are
/// consulted only for where an entry's data starts, so data descriptors do not matter),
/// with ZIP64 end records and sizes, and archives with bytes prepended (launch scripts
/// of executable jars), whose offsets are corrected as Go's `archive/zip` does.
/// Entries whose bytes overlap are refused (the shape of a zip bomb that points many
/// entries at one compressed stream), as Info-ZIP's `unzip` does.
/// Used for Java archives and for osv.dev's `all.zip` advisory exports.
public struct ZipArchive: Sendable {
    /// One central directory entry.
    public struct Entry: Sendable {
        public var name: String
        var method: UInt64
        var compressedSize: UInt64
        public var uncompressedSize: UInt64
        var localHeaderOffset: UInt64
    }

    private static let endSignature: UInt64 = 0x0605_4b50
    private static let zip64LocatorSignature: UInt64 = 0x0706_4b50
    private static let zip64EndSignature: UInt64 = 0x0606_4b50
    private static let centralSignature: UInt64 = 0x0201_4b50
    private static let localSignature: UInt64 = 0x0403_4b50
    private static let endRecordSize = 22
    private static let maxCommentLength = 0xffff
    private static let centralEntrySize: UInt64 = 46
    private static let localHeaderSize: UInt64 = 30
    private static let methodStored: UInt64 = 0
    private static let methodDeflate: UInt64 = 8

    private let reader: BinaryReader
    /// The number of bytes in front of the archive proper.
    private let baseOffset: UInt64
    public private(set) var entries: [Entry] = []

    /// Reads the end record and central directory of `bytes`.
    public init(_ bytes: [UInt8]) throws(FileFormatError) {
        reader = BinaryReader(bytes, bigEndian: false)
        guard let end = Self.findEndRecord(bytes) else { throw FileFormatError("no ZIP end of central directory record") }
        var count = try reader.u16(UInt64(end + 10), "entry count")
        var size = try reader.u32(UInt64(end + 12), "central directory size")
        var offset = try reader.u32(UInt64(end + 16), "central directory offset")
        var directoryEnd = UInt64(end)
        if count == 0xffff || size == 0xffff_ffff || offset == 0xffff_ffff, end >= 20,
           try reader.u32(UInt64(end - 20), "ZIP64 locator") == Self.zip64LocatorSignature {
            let record = try reader.u64(UInt64(end - 20 + 8), "ZIP64 end record offset")
            guard try reader.u32(record, "ZIP64 end record") == Self.zip64EndSignature else {
                throw FileFormatError("no ZIP64 end record at offset \(record)")
            }
            count = try reader.u64(record + 32, "ZIP64 entry count")
            size = try reader.u64(record + 40, "ZIP64 central directory size")
            offset = try reader.u64(record + 48, "ZIP64 central directory offset")
            directoryEnd = record
        }
        let (start, overflow) = directoryEnd.subtractingReportingOverflow(size)
        guard !overflow, start >= offset else {
            throw FileFormatError("central directory (\(size) bytes at offset \(offset)) does not fit before its end record")
        }
        baseOffset = start - offset
        entries = try readCentralDirectory(at: start, size: size, count: count)
        try requireNoOverlap()
    }

    /// Throws when two entries' bytes (local header and data) overlap.
    private func requireNoOverlap() throws(FileFormatError) {
        var spans: [(range: Range<UInt64>, name: String)] = []
        for entry in entries {
            guard let placement = try? placement(of: entry) else { continue }  // reading the entry reports it
            spans.append((placement.header..<placement.data.upperBound, entry.name))
        }
        spans.sort { $0.range.lowerBound < $1.range.lowerBound }
        for (earlier, later) in zip(spans, spans.dropFirst()) where later.range.lowerBound < earlier.range.upperBound {
            throw FileFormatError("""
                entries '\(earlier.name)' and '\(later.name)' overlap at offset \(later.range.lowerBound) \
                (many entries sharing compressed bytes make a zip bomb); the archive is not read
                """)
        }
    }

    /// Where the entry's local header starts and its compressed data lies (prepended bytes counted).
    private func placement(of entry: Entry) throws(FileFormatError) -> (header: UInt64, data: Range<UInt64>) {
        let (local, overflow) = entry.localHeaderOffset.addingReportingOverflow(baseOffset)
        guard !overflow, try reader.u32(local, "local header of \(entry.name)") == Self.localSignature else {
            throw FileFormatError("entry \(entry.name): no local header at offset \(entry.localHeaderOffset)")
        }
        let nameLength = try reader.u16(local + 26, "local name length")
        let extraLength = try reader.u16(local + 28, "local extra length")
        let start = local + Self.localHeaderSize + nameLength + extraLength
        let (end, endOverflows) = start.addingReportingOverflow(entry.compressedSize)
        guard !endOverflows, reader.contains(offset: start, count: entry.compressedSize) else {
            throw FileFormatError("entry \(entry.name): \(entry.compressedSize) bytes at offset \(start) extend past the end of the file")
        }
        return (local, start..<end)
    }

    private static func findEndRecord(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= endRecordSize else { return nil }
        let lowest = max(0, bytes.count - endRecordSize - maxCommentLength)
        var position = bytes.count - endRecordSize
        while position >= lowest {
            if bytes[position] == 0x50, bytes[position + 1] == 0x4b, bytes[position + 2] == 5, bytes[position + 3] == 6 { return position }
            position -= 1
        }
        return nil
    }

    private func readCentralDirectory(at start: UInt64, size: UInt64, count: UInt64) throws(FileFormatError) -> [Entry] {
        guard reader.contains(offset: start, count: size) else {
            throw FileFormatError("central directory (\(size) bytes at offset \(start)) extends past the end of the file")
        }
        guard count <= size / Self.centralEntrySize else { throw FileFormatError("\(count) entries cannot fit in a \(size)-byte central directory") }
        var entries: [Entry] = []
        entries.reserveCapacity(Int(count))
        var position = start
        for index in 0..<count {
            guard try reader.u32(position, "central directory entry \(index)") == Self.centralSignature else {
                throw FileFormatError("central directory entry \(index) at offset \(position) has a bad signature")
            }
            let nameLength = try reader.u16(position + 28, "name length")
            let extraLength = try reader.u16(position + 30, "extra length")
            let commentLength = try reader.u16(position + 32, "comment length")
            let nameStart = position + Self.centralEntrySize
            var entry = Entry(
                name: String(decoding: try reader.slice(at: nameStart, count: nameLength, "entry name"), as: UTF8.self),
                method: try reader.u16(position + 10, "compression method"),
                compressedSize: try reader.u32(position + 20, "compressed size"),
                uncompressedSize: try reader.u32(position + 24, "uncompressed size"),
                localHeaderOffset: try reader.u32(position + 42, "local header offset")
            )
            try readZip64Extra(reader.slice(at: nameStart + nameLength, count: extraLength, "extra field"), into: &entry)
            entries.append(entry)
            position = nameStart + nameLength + extraLength + commentLength
        }
        return entries
    }

    /// Replaces 32-bit sizes and offsets saturated at `0xffffffff` by the ZIP64 extra field's values.
    private func readZip64Extra(_ extra: ArraySlice<UInt8>, into entry: inout Entry) throws(FileFormatError) {
        let fields = BinaryReader(Array(extra), bigEndian: false)
        var position: UInt64 = 0
        while position + 4 <= UInt64(extra.count) {
            let id = try fields.u16(position, "extra field id")
            let length = try fields.u16(position + 2, "extra field length")
            if id == 1 {
                var value = position + 4
                let end = value + length
                for keyPath in [\Entry.uncompressedSize, \Entry.compressedSize, \Entry.localHeaderOffset] where entry[keyPath: keyPath] == 0xffff_ffff {
                    guard value + 8 <= end else { break }
                    entry[keyPath: keyPath] = try fields.u64(value, "ZIP64 extra value")
                    value += 8
                }
                return
            }
            position += 4 + length
        }
    }

    /// The entry's uncompressed content; fails past `limit` bytes, on unknown methods and corrupt data.
    public func contents(of entry: Entry, limit: Int) throws(FileFormatError) -> [UInt8] {
        var inflated = 0
        return try contents(of: entry, limit: limit, inflated: &inflated)
    }

    /// ``contents(of:limit:)``, adding to `inflated` every byte decompressed or copied,
    /// also when it then fails, so a caller's budget counts the work done.
    public func contents(of entry: Entry, limit: Int, inflated: inout Int) throws(FileFormatError) -> [UInt8] {
        let data = try reader.slice(at: try placement(of: entry).data.lowerBound, count: entry.compressedSize, "entry \(entry.name)")
        switch entry.method {
        case Self.methodStored:
            guard data.count <= limit else { throw FileFormatError("entry \(entry.name) of \(data.count) bytes exceeds the limit of \(limit) bytes") }
            inflated += data.count
            return Array(data)
        case Self.methodDeflate:
            do { return try Inflater.decompress(data, wrapping: .raw, limit: limit, inflated: &inflated) } catch {
                throw FileFormatError("entry \(entry.name): \(error.description)")
            }
        default:
            throw FileFormatError("entry \(entry.name) uses unsupported compression method \(entry.method)")
        }
    }
}
