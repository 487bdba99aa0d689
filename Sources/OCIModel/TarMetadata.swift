/// The header state machine both tar readers share (the streaming layer reader and the
/// archive index): it checks each header block and folds the metadata members (GNU
/// `L`/`K` long names and links, PAX `x` extended headers) into the member that follows
/// them. PAX `g` global headers are checked and otherwise ignored, as Go's `archive/tar`
/// (and so containerd and Docker when they unpack a layer) does: what Hallmark reads is
/// what a runtime extracts.
///
/// A reader hands every header block to ``header(_:)``; for ``Step/metadata(size:)`` it
/// reads that many content bytes (then the padding) and hands them to ``absorb(_:)``.
///
/// ```swift
/// var metadata = TarMetadata()
/// switch try metadata.header(block) {
/// case .metadata(let size): try metadata.absorb(read(size))
/// case .member(let member): use(member)
/// }
/// ```
public struct TarMetadata: Sendable {
    /// The largest GNU long-name or PAX header accepted.
    public static let maxMetadataSize: Int64 = 1 << 20

    /// What one header block turned out to be.
    public enum Step: Sendable, Equatable {
        /// A metadata member of `size` content bytes (padded to whole blocks), for ``absorb(_:)``.
        case metadata(size: Int64)
        /// A member, with the metadata before it applied; the metadata is reset.
        case member(TarMemberHeader)
    }

    private var longName: String?
    private var longLink: String?
    private var records: [String: String] = [:]
    /// The type flag of the metadata member whose content ``absorb(_:)`` expects.
    private var pending: UInt8?

    public init() {}

    /// Whether metadata members have been read that no member has used yet.
    public var hasPendingMetadata: Bool {
        longName != nil || longLink != nil || !records.isEmpty
    }

    /// Checks one header block (checksum, numbers, sizes) and says what it is.
    public mutating func header(_ block: [UInt8]) throws(TarFormatError) -> Step {
        guard let stored = TarHeader.number(block[TarHeader.Field.checksum]) else { throw TarFormatError(.invalidNumber(field: "checksum")) }
        let sums = TarHeader.checksums(block)
        guard stored == sums.unsigned || stored == sums.signed else {
            throw TarFormatError(.badChecksum(stored: stored, computed: sums.unsigned))
        }
        guard let headerSize = TarHeader.number(block[TarHeader.Field.size]) else { throw TarFormatError(.invalidNumber(field: "size")) }
        guard let mode = TarHeader.number(block[TarHeader.Field.mode]) else { throw TarFormatError(.invalidNumber(field: "mode")) }
        let flag = block[TarHeader.Field.typeflag]
        if Self.isMetadata(flag) {
            guard headerSize <= Self.maxMetadataSize else {
                throw TarFormatError(.metadataTooLarge(size: headerSize, limit: Self.maxMetadataSize))
            }
            pending = flag
            return .metadata(size: headerSize)
        }
        var size = try Self.checked(headerSize, field: "size")
        if let text = records["size"] {
            guard let value = Int64(text), value >= 0 else { throw TarFormatError(.malformedPAX("size '\(text)' is not a number")) }
            size = try Self.checked(value, field: "PAX size")
        }
        if TarHeader.isHeaderOnly(flag) { size = 0 }
        let member = TarMemberHeader(
            name: records["path"] ?? longName ?? TarHeader.name(block),
            linkName: records["linkpath"] ?? longLink ?? String(decoding: TarHeader.string(block[TarHeader.Field.linkname]), as: UTF8.self),
            typeflag: flag, size: size, mode: mode)
        self = TarMetadata()
        return .member(member)
    }

    /// Takes the content of the metadata member ``header(_:)`` just announced.
    public mutating func absorb(_ content: [UInt8]) throws(TarFormatError) {
        guard let flag = pending else { return }
        pending = nil
        switch flag {
        case TarHeader.Flag.gnuLongName:
            longName = String(decoding: TarHeader.string(content[...]), as: UTF8.self)
        case TarHeader.Flag.gnuLongLink:
            longLink = String(decoding: TarHeader.string(content[...]), as: UTF8.self)
        default:
            let parsed: [String: String]
            do { parsed = try TarHeader.paxRecords(content) } catch { throw TarFormatError(.malformedPAX(error.why)) }
            if flag == TarHeader.Flag.paxExtended { records.merge(parsed) { $1 } }
        }
    }

    private static func isMetadata(_ flag: UInt8) -> Bool {
        flag == TarHeader.Flag.gnuLongName || flag == TarHeader.Flag.gnuLongLink
            || flag == TarHeader.Flag.paxExtended || flag == TarHeader.Flag.paxGlobal
    }

    private static func checked(_ size: Int64, field: String) throws(TarFormatError) -> Int64 {
        guard size <= TarHeader.maxMemberSize else { throw TarFormatError(.sizeTooLarge(field: field, size: size)) }
        return size
    }
}
