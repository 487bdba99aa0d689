import Foundation

/// A fresh temporary directory for one test; call ``remove()`` (in a `defer`) when done.
public struct Scratch {
    public let path: String

    public init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("hallmark-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// `path/name`.
    public func at(_ name: String) -> String { "\(path)/\(name)" }

    /// Writes `text` to `path/name`, creating parent directories.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    /// Writes `bytes` to `path/name`, creating parent directories.
    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = URL(fileURLWithPath: at(name))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// A symbolic link `path/name` → `target`.
    public func symlink(_ name: String, to target: String) throws {
        let url = URL(fileURLWithPath: at(name))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    public func read(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: at(name)))) }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}
