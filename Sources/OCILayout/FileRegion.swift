import OCIModel

/// A byte range of a file: a whole blob file, or one entry inside a tar archive.
struct FileRegion: Sendable {
    let file: ReadOnlyFile
    let offset: Int64
    let length: Int64

    /// The region's bytes as a pull-based stream of `chunkSize` chunks; it throws
    /// if the file turns out shorter than the region.
    func chunks(chunkSize: Int) -> ByteChunks {
        ByteChunks {
            let cursor = RegionCursor(region: self, chunkSize: chunkSize)
            return { try cursor.next() }
        }
    }

    /// The whole region in memory; `location` names it when it is over `limit` bytes.
    func readAll(limit: Int, location: String) throws(LayoutError) -> [UInt8] {
        guard length <= Int64(limit) else { throw LayoutError.documentTooLarge(location, size: length, limit: limit) }
        let bytes = try file.read(at: offset, count: Int(length))
        guard bytes.count == Int(length) else { throw shortRead(expected: length, actual: Int64(bytes.count)) }
        return bytes
    }

    /// The first `count` bytes (fewer if the region is shorter).
    func prefix(_ count: Int) throws(LayoutError) -> [UInt8] {
        try file.read(at: offset, count: Int(min(Int64(count), length)))
    }

    func shortRead(expected: Int64, actual: Int64) -> LayoutError {
        LayoutError.fileSystem(path: file.path, operation: "read", reason: "file ended after \(actual) of \(expected) bytes")
    }
}

/// One pass over a region; an iterator is used by one task at a time.
private final class RegionCursor: @unchecked Sendable {
    let region: FileRegion
    let chunkSize: Int
    var position: Int64 = 0

    init(region: FileRegion, chunkSize: Int) {
        self.region = region
        self.chunkSize = chunkSize
    }

    func next() throws -> [UInt8]? {
        let remaining = region.length - position
        guard remaining > 0 else { return nil }
        let want = Int(min(Int64(chunkSize), remaining))
        let chunk = try region.file.read(at: region.offset + position, count: want)
        guard chunk.count == want else { throw region.shortRead(expected: region.length, actual: position + Int64(chunk.count)) }
        position += Int64(want)
        return chunk
    }
}
