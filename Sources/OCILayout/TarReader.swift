import OCIModel

/// An index of a tar archive on disk, with random access to its entries.
///
/// Opening reads only the headers (ustar and GNU formats, GNU long names and
/// link names, PAX extended headers; global PAX headers are ignored) and records
/// where each entry's bytes lie; ``contents(of:)`` streams them later in
/// ``chunkSize`` chunks, straight from the file. Nothing is extracted.
///
/// Hostile archives are refused with a ``TarError`` naming the archive and the
/// entry: bad header checksums, malformed numbers, entries whose size runs past
/// the end of the file, more than ``maxEntries`` entries, and oversized extended
/// headers. A missing end-of-archive marker (or missing final padding, as
/// `umoci insert` 0.4.7 writes) is tolerated when the archive is otherwise complete.
public final class TarReader: Sendable {
    /// The most entries an archive may have (layouts have a few per blob).
    public static let maxEntries = 100_000
    /// The largest GNU long-name or PAX extended header accepted.
    public static let maxExtendedHeaderSize = 1 << 20
    /// The size of the chunks ``contents(of:)`` streams.
    public static let chunkSize = 64 * 1024

    /// The archive's path.
    public let path: String
    /// The entries in archive order, metadata headers folded into the entries they describe.
    public let entries: [TarEntry]
    private let file: ReadOnlyFile
    private let byName: [String: Int]

    /// Indexes the archive at `path`, allowing at most `maxEntries` entries.
    public init(path: String, maxEntries: Int = TarReader.maxEntries) throws {
        guard let file = try ReadOnlyFile.openIfPresent(path) else {
            throw LayoutError.fileSystem(path: path, operation: "open", reason: "no such file")
        }
        self.path = path
        self.file = file
        var scanner = Scanner(file: file, maxEntries: maxEntries)
        entries = try scanner.scan()
        var byName: [String: Int] = [:]
        for (i, entry) in entries.enumerated() { byName[entry.name] = i }  // a later entry wins, as when extracting
        self.byName = byName
    }

    /// The entry called `name` (normalised like ``TarEntry/name``); `nil` if there is
    /// none or `name` has a `..` component.
    public func entry(named name: String) -> TarEntry? {
        let normalised = TarPath.normalise(name)
        guard !TarPath.components(of: normalised).contains("..") else { return nil }
        return byName[normalised].map { entries[$0] }
    }

    /// The regular file `entry` is, or leads to through symbolic and hard links
    /// inside the archive; throws for loops, links out of the archive and non-files.
    public func followingLinks(_ entry: TarEntry) throws(TarError) -> TarEntry {
        var current = entry
        for _ in 0..<16 {
            switch current.kind {
            case .regularFile:
                return current
            case .symbolicLink, .hardLink:
                let target = current.linkTarget ?? ""
                let base = current.kind == .symbolicLink && !target.hasPrefix("/") ? TarPath.directory(of: current.name) : ""
                guard let resolved = TarPath.resolve(base.isEmpty ? target : base + "/" + target), let next = byName[resolved] else {
                    throw linkError(entry, "link target '\(target)' is not in the archive")
                }
                current = entries[next]
            default:
                throw linkError(entry, "'\(current.name)' is not a regular file")
            }
        }
        throw linkError(entry, "too many levels of links")
    }

    /// Throws for the first entry whose name has a `..` component.
    public func requireSafeNames() throws(TarError) {
        if let unsafe = entries.first(where: { !$0.isSafe }) {
            throw TarError(archive: path, entry: unsafe.name, offset: unsafe.headerOffset, reason: .unsafeName)
        }
    }

    /// The entry's bytes, streamed from the file as they are pulled.
    public func contents(of entry: TarEntry) -> ByteChunks {
        region(of: entry).chunks(chunkSize: Self.chunkSize)
    }

    /// The entry's bytes in memory, refusing more than `limit`.
    public func read(_ entry: TarEntry, limit: Int) throws -> [UInt8] {
        try region(of: entry).readAll(limit: limit, location: "\(entry.name) in \(path)")
    }

    func region(of entry: TarEntry) -> FileRegion {
        FileRegion(file: file, offset: entry.dataOffset, length: entry.size)
    }

    private func linkError(_ entry: TarEntry, _ why: String) -> TarError {
        TarError(archive: path, entry: entry.name, offset: entry.headerOffset, reason: .badLink(why))
    }
}

/// One pass over the headers of an archive.
private struct Scanner {
    let file: ReadOnlyFile
    let maxEntries: Int
    var offset: Int64 = 0
    /// Metadata from GNU `L`/`K` and PAX `x` headers, for the next entry.
    var longName: String?
    var longLink: String?
    var pax: [String: String] = [:]
    var metadataOffset: Int64?

    init(file: ReadOnlyFile, maxEntries: Int) {
        self.file = file
        self.maxEntries = maxEntries
    }

    mutating func scan() throws -> [TarEntry] {
        var entries: [TarEntry] = []
        while let block = try nextBlock() {
            if let entry = try parse(block, at: offset) {
                guard entries.count < maxEntries else {
                    throw TarError(archive: file.path, entry: entry.name, offset: entry.headerOffset, reason: .tooManyEntries(limit: maxEntries))
                }
                entries.append(entry)
            }
        }
        return entries
    }

    /// The header block at `offset`, or `nil` at the end of the archive: a zero
    /// block, or the end of the file (end blocks or final padding missing).
    private mutating func nextBlock() throws -> [UInt8]? {
        guard offset < file.size else { return nil }
        let block = try file.read(at: offset, count: TarHeader.blockSize)
        if TarHeader.isZero(block) { return nil }
        guard block.count == TarHeader.blockSize else { throw error(nil, .truncatedHeader) }
        return block
    }

    /// Folds metadata headers into state and returns the entry a header describes (if any).
    private mutating func parse(_ block: [UInt8], at headerOffset: Int64) throws -> TarEntry? {
        let rawName = String(decoding: TarHeader.string(block[TarHeader.Field.name]), as: UTF8.self)
        guard let stored = TarHeader.number(block[TarHeader.Field.checksum]) else { throw error(rawName, .invalidNumber(field: "checksum")) }
        let sums = TarHeader.checksums(block)
        guard stored == sums.unsigned || stored == sums.signed else {
            throw error(rawName, .badChecksum(stored: stored, computed: sums.unsigned))
        }
        let flag = block[TarHeader.Field.typeflag]
        guard let headerSize = TarHeader.number(block[TarHeader.Field.size]) else { throw error(rawName, .invalidNumber(field: "size")) }
        guard let mode = TarHeader.number(block[TarHeader.Field.mode]) else { throw error(rawName, .invalidNumber(field: "mode")) }
        let isMetadata = [TarHeader.Flag.gnuLongName, TarHeader.Flag.gnuLongLink, TarHeader.Flag.paxExtended, TarHeader.Flag.paxGlobal].contains(flag)
        var size = headerSize
        if !isMetadata, let paxSize = pax["size"] {
            guard let value = Int64(paxSize), value >= 0 else { throw error(rawName, .malformedPAX("size '\(paxSize)' is not a number")) }
            size = value
        }
        let kind = Self.kind(flag)
        if [.directory, .symbolicLink, .hardLink].contains(kind) || Self.isHeaderOnly(flag) { size = 0 }
        let dataOffset = headerOffset + Int64(TarHeader.blockSize)
        let available = file.size - dataOffset
        guard size <= available else { throw error(rawName, .sizePastEnd(size: size, available: available)) }
        let next = dataOffset + TarHeader.padded(size)
        defer { offset = next }  // after any error below, which names this header's offset

        if isMetadata {
            metadataOffset = metadataOffset ?? headerOffset
            guard flag != TarHeader.Flag.paxGlobal else { return nil }
            guard size <= Int64(TarReader.maxExtendedHeaderSize) else {
                throw error(rawName, .extendedHeaderTooLarge(size: size, limit: TarReader.maxExtendedHeaderSize))
            }
            let data = try file.read(at: dataOffset, count: Int(size))
            switch flag {
            case TarHeader.Flag.gnuLongName: longName = String(decoding: TarHeader.string(data[...]), as: UTF8.self)
            case TarHeader.Flag.gnuLongLink: longLink = String(decoding: TarHeader.string(data[...]), as: UTF8.self)
            default:
                do { pax.merge(try TarHeader.paxRecords(data)) { $1 } } catch { throw self.error(rawName, .malformedPAX(error.why)) }
            }
            return nil
        }

        let name = pax["path"] ?? longName ?? TarHeader.name(block)
        let link = pax["linkpath"] ?? longLink ?? String(decoding: TarHeader.string(block[TarHeader.Field.linkname]), as: UTF8.self)
        let entry = TarEntry(
            name: TarPath.normalise(name), kind: kind, size: size, mode: UInt32(truncatingIfNeeded: mode),
            linkTarget: kind == .symbolicLink || kind == .hardLink ? link : nil,
            headerOffset: metadataOffset ?? headerOffset, dataOffset: dataOffset)
        longName = nil
        longLink = nil
        pax = [:]
        metadataOffset = nil
        return entry
    }

    private static func kind(_ flag: UInt8) -> TarEntry.Kind {
        switch flag {
        case TarHeader.Flag.regular, TarHeader.Flag.regularOld, TarHeader.Flag.contiguous: .regularFile
        case TarHeader.Flag.directory: .directory
        case TarHeader.Flag.symbolicLink: .symbolicLink
        case TarHeader.Flag.hardLink: .hardLink
        default: .other(flag)
        }
    }

    /// Types whose size field does not count content bytes.
    private static func isHeaderOnly(_ flag: UInt8) -> Bool {
        [TarHeader.Flag.characterDevice, TarHeader.Flag.blockDevice, TarHeader.Flag.fifo].contains(flag)
    }

    private func error(_ entry: String?, _ reason: TarError.Reason) -> TarError {
        TarError(archive: file.path, entry: entry.map(TarPath.normalise), offset: offset, reason: reason)
    }
}
