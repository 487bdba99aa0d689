import Foundation

/// Reading input files named on the command line, with errors that name them.
enum FileInput {
    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError("cannot read \(path): no such file or not readable")
        }
        return Array(data)
    }
}
