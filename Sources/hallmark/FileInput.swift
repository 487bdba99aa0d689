import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reading input files named on the command line, with errors that name them.
enum FileInput {
    /// The whole file at `path`; more than `limit` bytes is an error naming the limit.
    static func read(_ path: String, limit: Int = 1 << 30) throws -> [UInt8] {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        if let size, size > limit {
            throw UsageError("\(path): \(size) bytes is over the \(limit)-byte limit for this input")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError("cannot read \(path): no such file or not readable")
        }
        return Array(data)
    }

    /// Reads the file at `path` (standard input for `-`) in pieces of `pieceSize` bytes
    /// into one reused buffer, handing each to `body`: memory stays at one piece.
    static func stream(_ path: String, pieceSize: Int = 1 << 20, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw UsageError("cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var buffer = [UInt8](repeating: 0, count: pieceSize)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, pieceSize) }
            if count < 0 {
                if errno == EINTR { continue }
                throw UsageError("cannot read \(path == "-" ? "standard input" : path): \(String(cString: strerror(errno)))")
            }
            if count == 0 { return }
            try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[..<count])) }
        }
    }
}
