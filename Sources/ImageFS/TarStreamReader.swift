import OCIModel

/// Reads a tar stream front to back from a ``LayerByteStream``, one member at a time,
/// without seeking: content nobody asks for is skipped chunk by chunk, never copied.
/// Headers go through ``TarMetadata`` (ustar, GNU long names and links, PAX extended
/// headers, base-256 sizes, checksums; global headers ignored), shared with the archive
/// reader; a missing end-of-archive marker is tolerated.
final class TarStreamReader {
    private let bytes: LayerByteStream
    private let layerIndex: Int
    private let layer: Digest?
    private var chunk: [UInt8] = []
    private var offset = 0
    /// Decompressed bytes consumed so far (for error messages).
    private var position: Int64 = 0
    /// Content bytes of the current member not yet consumed, and its padding.
    private var remaining: Int64 = 0
    private var padding: Int64 = 0
    private var current: String?

    init(_ bytes: LayerByteStream, layerIndex: Int, layer: Digest?) {
        self.bytes = bytes
        self.layerIndex = layerIndex
        self.layer = layer
    }

    /// The next member, skipping what is left of the current one; `nil` at the end of the archive.
    func next() async throws -> TarStreamEntry? {
        try await skipContent()
        try await skip(padding)
        padding = 0
        current = nil
        var metadata = TarMetadata()
        while true {
            let start = position
            guard let block = try await readHeader() else { return nil }
            if TarHeader.isZero(block) { return nil }
            do {
                switch try metadata.header(block) {
                case .metadata(let size):
                    let content = try await read(Int(size))
                    try await skip(TarHeader.padding(after: size))
                    try metadata.absorb(content)
                case .member(let member):
                    let entry = TarStreamEntry(name: member.name, linkName: member.linkName, kind: Self.kind(member.typeflag), size: member.size)
                    remaining = member.size
                    padding = member.paddedSize - member.size
                    current = entry.name
                    return entry
                }
            } catch let error as TarFormatError {
                switch error.reason {
                case .badChecksum, .invalidNumber(field: "checksum"): throw failure(.badChecksum(offset: start))
                default: throw failure(.malformedHeader(offset: start, error.description))
                }
            }
        }
    }

    /// Up to `count` first bytes of the current member's content, left unconsumed.
    func peek(_ count: Int) async throws -> ArraySlice<UInt8> {
        let wanted = Int(min(Int64(count), remaining))
        if chunk.count - offset < wanted {
            var merged = Array(chunk[offset...])
            while merged.count < wanted {
                guard let next = try await bytes.next() else { throw failure(.truncatedTar(entry: current)) }
                merged += next
            }
            chunk = merged
            offset = 0
        }
        return chunk[offset..<(offset + wanted)]
    }

    /// The rest of the current member's content.
    func readContent() async throws -> [UInt8] {
        let data = try await read(Int(remaining))
        remaining = 0
        return data
    }

    /// Hashes the rest of the current member's content chunk by chunk, never holding it whole.
    func digestContent() async throws -> FileDigest {
        var hasher = FileDigestHasher()
        try await consume(remaining) { hasher.update($0) }
        remaining = 0
        return hasher.finalize()
    }

    /// Skips the rest of the current member's content.
    func skipContent() async throws {
        try await skip(remaining)
        remaining = 0
    }

    /// Reads the stream to its end (the padding after the end-of-archive marker), so the
    /// decompressor checks its trailer and the source verifies the blob's digest.
    func drain() async throws {
        chunk = []
        offset = 0
        while try await bytes.next() != nil {}
    }

    private static func kind(_ flag: UInt8) -> TarStreamEntry.Kind {
        switch flag {
        case TarHeader.Flag.regular, TarHeader.Flag.regularOld, TarHeader.Flag.contiguous: .regular
        case TarHeader.Flag.hardLink: .hardLink
        case TarHeader.Flag.symbolicLink: .symbolicLink
        case TarHeader.Flag.directory: .directory
        default: .other
        }
    }

    /// One header block; `nil` when the stream ends cleanly before it (no end marker).
    private func readHeader() async throws -> [UInt8]? {
        if offset == chunk.count {
            guard let next = try await bytes.next() else { return nil }
            chunk = next
            offset = 0
        }
        return try await read(TarHeader.blockSize)
    }

    /// Exactly `count` bytes, copied out of the stream.
    private func read(_ count: Int) async throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        try await consume(Int64(count)) { out.append(contentsOf: $0) }
        return out
    }

    /// Drops `count` bytes of the stream.
    private func skip(_ count: Int64) async throws {
        try await consume(count) { _ in }
    }

    /// Hands the next `count` bytes of the stream to `body`, a chunk slice at a time.
    private func consume(_ count: Int64, _ body: (ArraySlice<UInt8>) -> Void) async throws {
        var left = count
        while left > 0 {
            if offset == chunk.count {
                guard let next = try await bytes.next() else { throw failure(.truncatedTar(entry: current)) }
                chunk = next
                offset = 0
            }
            let take = Int(min(left, Int64(chunk.count - offset)))
            body(chunk[offset..<(offset + take)])
            offset += take
            position += Int64(take)
            left -= Int64(take)
        }
    }

    private func failure(_ reason: LayerReadError.Reason) -> LayerReadError {
        LayerReadError(layerIndex: layerIndex, layer: layer, reason: reason)
    }
}
