import Foundation

/// Runs the real `openssl` for interoperability tests; a missing binary fails the
/// test with the command that installs it.
enum OpenSSL {
    static let path = "/usr/bin/openssl"

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `openssl ARGUMENTS`; returns stdout, or throws with stderr when it exits non-zero.
    @discardableResult
    static func run(_ arguments: [String], allowFailure: Bool = false) throws -> (status: Int32, output: Data) {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw Failed(description: "openssl is missing: apt-get install -y openssl")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0, !allowFailure {
            throw Failed(description: "openssl \(arguments.joined(separator: " ")) failed: \(String(decoding: errors, as: UTF8.self))")
        }
        return (process.terminationStatus, output)
    }

    /// A fresh temporary directory; remove it when done.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hallmark-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
