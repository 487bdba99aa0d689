import Foundation

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

    /// Standard input, read in pieces so that more than `limit` bytes is an error before it
    /// is all in memory.
    static func readStandardInput(limit: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        while let chunk = try FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty {
            bytes += chunk
            if bytes.count > limit {
                throw UsageError("standard input: over the \(limit)-byte limit for this input (pass a file cut with `tail -c`)")
            }
        }
        return bytes
    }
}
