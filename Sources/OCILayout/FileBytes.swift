import Foundation
import OCIModel

/// File reads and writes for layouts: bounded reads, pull-based chunked streams,
/// and writes through a temporary file renamed into place (never a half-written file).
enum FileBytes {
    /// Reads a whole file, refusing one over `limit` bytes.
    static func read(_ url: URL, limit: Int) throws -> [UInt8] {
        let handle = try open(url)
        defer { try? handle.close() }
        let data = try handle.read(upToCount: limit + 1) ?? Data()
        guard data.count <= limit else {
            throw LayoutError(path: url.path, reason: "file is larger than the \(limit)-byte limit for JSON documents")
        }
        return Array(data)
    }

    static func size(of url: URL, missing: some Error) throws -> Int64 {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              let size = attributes[.size] as? NSNumber
        else { throw missing }
        return size.int64Value
    }

    static func open(_ url: URL) throws -> FileHandle {
        do { return try FileHandle(forReadingFrom: url) } catch {
            throw LayoutError(path: url.path, reason: "cannot open: \(error.localizedDescription)")
        }
    }

    /// The file's bytes as a stream, read `chunkSize` at a time when the consumer asks.
    static func chunks(of url: URL, chunkSize: Int) -> ByteChunks {
        ByteChunks {
            let reader = ChunkReader(url: url, chunkSize: chunkSize)
            return { try reader.next() }
        }
    }

    /// Writes `bytes` to a temporary file beside `url`, then renames it over `url`.
    static func writeAtomically(_ bytes: [UInt8], to url: URL) throws {
        let temporary = temporaryURL(for: url)
        do {
            try Data(bytes).write(to: temporary)
            try replace(url, with: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Streams `content` into a temporary file beside `url`, then renames it over `url`;
    /// the temporary file is removed if the stream fails (e.g. its digest is wrong).
    static func writeAtomically(_ content: ByteChunks, to url: URL) async throws {
        let temporary = temporaryURL(for: url)
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw LayoutError(path: temporary.path, reason: "cannot create file")
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            do {
                for try await chunk in content { try handle.write(contentsOf: chunk) }
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
            try replace(url, with: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    private static func temporaryURL(for url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(UInt32.random(in: 0...UInt32.max))")
    }

    private static func replace(_ url: URL, with temporary: URL) throws {
        guard rename(temporary.path, url.path) == 0 else {
            throw LayoutError(path: url.path, reason: "cannot rename into place: \(String(cString: strerror(errno)))")
        }
    }
}

/// Reads a file sequentially in chunks; used by one iterator at a time.
private final class ChunkReader: @unchecked Sendable {
    private let url: URL
    private let chunkSize: Int
    private var handle: FileHandle?
    private var finished = false

    init(url: URL, chunkSize: Int) {
        self.url = url
        self.chunkSize = chunkSize
    }

    deinit { try? handle?.close() }

    func next() throws -> [UInt8]? {
        guard !finished else { return nil }
        if handle == nil { handle = try FileBytes.open(url) }
        guard let data = try handle?.read(upToCount: chunkSize), !data.isEmpty else {
            finished = true
            try? handle?.close()
            handle = nil
            return nil
        }
        return Array(data)
    }
}
