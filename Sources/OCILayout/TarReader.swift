import OCIModel

/// An index of a tar archive on disk, with random access to its entries.
///
/// Opening reads only the headers (through ``TarMetadata``, shared with the streaming
/// layer reader: ustar and GNU formats, GNU long names and link names, PAX extended
/// headers; global PAX headers are ignored) and records where each entry's bytes lie; ``contents(of:)`` streams them later in
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
    /// Metadata from GNU `L`/`K` and PAX headers, for the next entry.
    var metadata = TarMetadata()
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
        let step: TarMetadata.Step
        do { step = try metadata.header(block) } catch { throw self.error(rawName, .malformedHeader(error)) }
        let size: Int64 = switch step {
        case .metadata(let metadataSize): metadataSize
        case .member(let member): member.size
        }
        let dataOffset = headerOffset + Int64(TarHeader.blockSize)
        let available = file.size - dataOffset
        guard size <= available else { throw error(rawName, .sizePastEnd(size: size, available: available)) }
        let next = dataOffset + TarHeader.padded(size)
        defer { offset = next }  // after any error below, which names this header's offset

        switch step {
        case .metadata:
            metadataOffset = metadataOffset ?? headerOffset
            let content = try file.read(at: dataOffset, count: Int(size))
            do { try metadata.absorb(content) } catch { throw self.error(rawName, .malformedHeader(error)) }
            return nil
        case .member(let member):
            let kind = Self.kind(member.typeflag)
            defer { metadataOffset = nil }
            return TarEntry(
                name: TarPath.normalise(member.name), kind: kind, size: member.size, mode: UInt32(truncatingIfNeeded: member.mode),
                linkTarget: kind == .symbolicLink || kind == .hardLink ? member.linkName : nil,
                headerOffset: metadataOffset ?? headerOffset, dataOffset: dataOffset)
        }
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

    private func error(_ entry: String?, _ reason: TarError.Reason) -> TarError {
        TarError(archive: file.path, entry: entry.map(TarPath.normalise), offset: offset, reason: reason)
    }
}
