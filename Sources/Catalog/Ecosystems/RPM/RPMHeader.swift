/// An RPM header as stored in an rpm database (the `blob` of rpmdb.sqlite's `Packages`
/// table): optionally the 8-byte header magic `8e ad e8 01` + 4 reserved bytes, then the
/// big-endian index count and data length, the 16-byte index entries (tag, type, offset,
/// count) and the data store they point into.
struct RPMHeader: Sendable {
    /// The tags the cataloger reads.
    enum Tag: UInt64 {
        case name = 1000
        case version = 1001
        case release = 1002
        case epoch = 1003
        case license = 1014
        case arch = 1022
        case sourceRPM = 1044
    }

    /// The most index entries accepted (rpm's own limit).
    static let maxEntries: UInt64 = 0xffff
    /// The largest data store accepted (rpm's own limit).
    static let maxDataLength: UInt64 = 256 << 20
    private static let magic: [UInt8] = [0x8e, 0xad, 0xe8, 0x01]
    private static let typeInt32: UInt64 = 4
    private static let typeString: UInt64 = 6
    private static let typeStringArray: UInt64 = 8
    private static let typeI18NString: UInt64 = 9

    private let reader: BinaryReader
    private let dataStart: UInt64
    private let dataLength: UInt64
    private var entries: [UInt64: (type: UInt64, offset: UInt64)] = [:]

    init(_ blob: [UInt8]) throws(FileFormatError) {
        reader = BinaryReader(blob, bigEndian: true)
        let start: UInt64 = blob.starts(with: Self.magic) ? 8 : 0
        let count = try reader.u32(start, "index entry count")
        dataLength = try reader.u32(start + 4, "data length")
        guard count <= Self.maxEntries, dataLength <= Self.maxDataLength else {
            throw FileFormatError("header claims \(count) entries and \(dataLength) data bytes, over rpm's limits")
        }
        dataStart = start + 8 + 16 * count
        guard reader.contains(offset: dataStart, count: dataLength) else {
            throw FileFormatError("header of \(count) entries and \(dataLength) data bytes is truncated (\(blob.count) bytes)")
        }
        for index in 0..<count {
            let entry = start + 8 + 16 * index
            let tag = try reader.u32(entry, "entry tag")
            if Tag(rawValue: tag) != nil {
                entries[tag] = (try reader.u32(entry + 4, "entry type"), try reader.u32(entry + 8, "entry offset"))
            }
        }
    }

    /// A string tag's value (the first element of an array or i18n string).
    func string(_ tag: Tag) throws(FileFormatError) -> String? {
        guard let entry = entries[tag.rawValue] else { return nil }
        guard [Self.typeString, Self.typeStringArray, Self.typeI18NString].contains(entry.type) else {
            throw FileFormatError("tag \(tag.rawValue) has type \(entry.type), not a string")
        }
        guard entry.offset < dataLength else { throw FileFormatError("tag \(tag.rawValue) points past the data store") }
        let data = try reader.slice(at: dataStart + entry.offset, count: dataLength - entry.offset, "tag \(tag.rawValue)")
        guard let end = data.firstIndex(of: 0) else { throw FileFormatError("tag \(tag.rawValue) string is not terminated") }
        return String(decoding: data[..<end], as: UTF8.self)
    }

    /// An INT32 tag's first value.
    func int32(_ tag: Tag) throws(FileFormatError) -> UInt64? {
        guard let entry = entries[tag.rawValue] else { return nil }
        guard entry.type == Self.typeInt32 else { throw FileFormatError("tag \(tag.rawValue) has type \(entry.type), not INT32") }
        guard entry.offset + 4 <= dataLength else { throw FileFormatError("tag \(tag.rawValue) points past the data store") }
        return try reader.u32(dataStart + entry.offset, "tag \(tag.rawValue)")
    }
}
