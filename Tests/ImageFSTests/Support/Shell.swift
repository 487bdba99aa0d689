import Foundation

/// Runs the real tools (GNU tar, gzip, python3, zstd) the tests build their inputs with.
enum Shell {
    struct Failed: Error, CustomStringConvertible {
        let command: String
        let status: Int32
        let stderr: String
        var description: String { "`\(command)` exited with \(status): \(stderr)" }
    }

    /// A tool the test needs is not installed.
    struct Missing: Error, CustomStringConvertible {
        let tool: String
        let hint: String
        var description: String { "\(tool) is not installed; this test needs it: \(hint)" }
    }

    /// Fails with `hint` unless `tool` is on `PATH`.
    static func require(_ tool: String, hint: String) throws {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard directories.contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }) else {
            throw Missing(tool: tool, hint: hint)
        }
    }

    /// Runs `script` with `/bin/sh -c` in `directory`, `input` on stdin; returns stdout.
    @discardableResult
    static func run(_ script: String, in directory: String? = nil, input: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "set -e\n" + script]
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(command: script, status: process.terminationStatus, stderr: String(decoding: stderr, as: UTF8.self))
        }
        return String(decoding: stdout, as: UTF8.self)
    }

    /// Runs a Python 3 program (given on stdin) with `arguments`.
    @discardableResult
    static func python(_ program: String, _ arguments: [String] = [], in directory: String? = nil) throws -> String {
        try run("python3 - " + arguments.map(quote).joined(separator: " "), in: directory, input: program)
    }

    /// `text` quoted for the shell.
    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
