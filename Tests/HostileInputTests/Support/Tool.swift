import Foundation
import TestSupport

/// The real tools the cases make their inputs with (python3, sqlite3, mkfifo, truncate),
/// run through TestSupport's ``ChildProcess`` so a test never blocks a Swift concurrency
/// thread on them.
enum Tool {
    /// A tool that failed or is not installed.
    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `tool` (found on `PATH`) with `arguments`; throws unless it exits 0.
    static func run(_ tool: String, _ arguments: [String]) async throws {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let path = directories.map({ "\($0)/\(tool)" }).first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw Failed(description: "\(tool) is not installed; the hostile-input suite needs it (see the README's test command)")
        }
        let output = try await ChildProcess.run(path, arguments)
        guard output.status == 0 else {
            throw Failed(description: "\(tool) \(arguments.prefix(1).joined()) …: exit \(output.status): \(String(decoding: output.stderr, as: UTF8.self))")
        }
    }

    /// Runs a Python 3 `program` with `arguments` (as `sys.argv[1...]`).
    static func python(_ program: String, _ arguments: [String]) async throws {
        try await run("python3", ["-c", program] + arguments)
    }
}
