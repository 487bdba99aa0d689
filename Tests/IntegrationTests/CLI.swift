import Foundation
import Testing
import TestSupport

/// Runs the built `hallmark` executable and external tools (skopeo) for tests.
enum CLI {
    struct Result {
        let status: Int32
        let stdout: [UInt8]
        let stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// The `hallmark` binary next to the test bundle (IntegrationTests depends on it, so it is built).
    static var hallmark: String {
        get throws { try BuiltProduct.path("hallmark") }
    }

    /// The example layout committed in the repository.
    static let examplePath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/hello-multiarch").path

    static func hallmark(_ arguments: String...) async throws -> Result {
        try await run(try hallmark, arguments)
    }

    /// Runs `hallmark` with `environment` added to (or replacing entries of) this process's environment.
    static func hallmark(_ arguments: [String], environment: [String: String]) async throws -> Result {
        try await run(try hallmark, arguments, environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
    }

    /// Runs skopeo; fails the test with the install command when it is missing.
    static func skopeo(_ arguments: String...) async throws -> Result {
        let path = "/usr/bin/skopeo"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ToolMissing(tool: "skopeo", hint: "apt-get install -y skopeo")
        }
        let result = try await run(path, arguments)
        guard result.status == 0 else { throw ToolFailed(tool: "skopeo \(arguments.joined(separator: " "))", result: result) }
        return result
    }

    /// Runs `executable` to its end without blocking the test process's concurrency threads.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil, stdin: [UInt8]? = nil) async throws -> Result {
        let output = try await ChildProcess.run(executable, arguments, environment: environment, stdin: stdin)
        return Result(status: output.status, stdout: output.stdout, stderr: String(decoding: output.stderr, as: UTF8.self))
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hallmark-it-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func sha256(_ bytes: [UInt8]) async throws -> String {
        let text = try await run("/usr/bin/sha256sum", [], stdin: bytes).text
        return "sha256:" + (text.split(separator: " ").first.map(String.init) ?? "")
    }
}

struct ToolMissing: Error, CustomStringConvertible {
    let tool: String
    let hint: String
    var description: String { "\(tool) is required for this test but was not found: \(hint)" }
}

struct ToolFailed: Error, CustomStringConvertible {
    let tool: String
    let result: CLI.Result
    var description: String { "\(tool) failed with status \(result.status): \(result.stderr)" }
}
