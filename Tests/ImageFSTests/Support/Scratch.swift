import Foundation

/// A fresh temporary directory for one test; call ``remove()`` (in a `defer`) when done.
struct Scratch {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("hallmark-imagefs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// `path/name`.
    func at(_ name: String) -> String { "\(path)/\(name)" }

    /// Writes `text` to `path/name`, creating parent directories.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    /// Writes `bytes` to `path/name`, creating parent directories.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = URL(fileURLWithPath: at(name))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// A symbolic link `path/name` → `target`.
    func symlink(_ name: String, to target: String) throws {
        let url = URL(fileURLWithPath: at(name))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    func read(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: at(name)))) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
