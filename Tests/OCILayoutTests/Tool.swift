import Foundation

/// Runs the real peer tools (umoci, skopeo, GNU tar) the tests make and check inputs with.
enum Tool {
    /// The install hint a test fails with when a tool is missing.
    static let installHint = "apt-get install -y umoci skopeo"

    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "\(name) is not installed; this test needs it: \(Tool.installHint)" }
    }

    struct Failed: Error, CustomStringConvertible {
        let command: String
        let status: Int32
        let stderr: String
        var description: String { "`\(command)` exited with \(status): \(stderr)" }
    }

    /// The tool's path on `PATH`; throws ``Missing`` (with the install hint) when absent.
    static func find(_ name: String) throws -> String {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for directory in directories where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
            return "\(directory)/\(name)"
        }
        throw Missing(name: name)
    }

    /// Runs `name arguments…` in `directory`; returns stdout; throws ``Failed`` on a non-zero exit.
    @discardableResult
    static func run(_ name: String, _ arguments: [String], in directory: String? = nil) throws -> [UInt8] {
        let (status, out, err) = try status(name, arguments, in: directory)
        guard status == 0 else { throw Failed(command: ([name] + arguments).joined(separator: " "), status: status, stderr: err) }
        return out
    }

    /// Runs the tool and returns its exit status, stdout and stderr.
    static func status(_ name: String, _ arguments: [String], in directory: String? = nil) throws -> (Int32, [UInt8], String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try find(name))
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hallmark-tool-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: scratch.path + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: scratch.path + ".err", contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: scratch.path + ".out")
            try? FileManager.default.removeItem(atPath: scratch.path + ".err")
        }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.path + ".out"))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.path + ".err"))
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = try Data(contentsOf: URL(fileURLWithPath: scratch.path + ".out"))
        let stderr = try String(contentsOfFile: scratch.path + ".err", encoding: .utf8)
        return (process.terminationStatus, Array(stdout), stderr)
    }

    /// Runs a bash pipeline (with `pipefail`).
    @discardableResult
    static func shell(_ script: String, in directory: String? = nil) throws -> String {
        String(decoding: try run("bash", ["-c", "set -o pipefail; " + script], in: directory), as: UTF8.self)
    }

    /// The `sha256:<hex>` that `sha256sum` prints for what `script` writes to stdout.
    static func sha256(of script: String) throws -> String {
        _ = try find("sha256sum")
        let line = try shell("\(script) | sha256sum")
        return "sha256:" + (line.split(separator: " ").first.map(String.init) ?? "")
    }
}
