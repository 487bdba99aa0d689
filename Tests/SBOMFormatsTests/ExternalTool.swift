import Foundation
import Testing

/// Runs the external validators the SBOM tests rely on (`pyspdxtools`,
/// `check-jsonschema`, `python3`), found on PATH.
enum ExternalTool {
    /// What a finished process printed and returned.
    struct Outcome {
        var status: Int32
        var output: String
    }

    /// The pip packages that provide the validators.
    static let pipHint = "install the validators with: pip install spdx-tools==0.8.5 check-jsonschema"

    /// Runs `arguments` (the first is looked up on PATH), collecting stdout and stderr.
    static func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// Whether `tool` is on PATH.
    static func isInstalled(_ tool: String) -> Bool {
        (try? run(["sh", "-c", "command -v \(tool)"]).status) == 0
    }

    /// Fails the test with the pip hint when `tool` is missing.
    static func require(_ tool: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard isInstalled(tool) else {
            Issue.record("\(tool) is not on PATH; \(pipHint)", sourceLocation: sourceLocation)
            return false
        }
        return true
    }

    /// Validates an SPDX JSON file with `pyspdxtools -i` (exit 0 and no output means valid).
    static func validateSPDX(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard require("pyspdxtools", sourceLocation: sourceLocation) else { return }
        let outcome = try run(["pyspdxtools", "-i", path])
        #expect(outcome.status == 0, "pyspdxtools rejected \(path):\n\(outcome.output)", sourceLocation: sourceLocation)
    }

    /// Validates a CycloneDX JSON file against the official 1.6 schema checked in under Fixtures.
    static func validateCycloneDX(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard require("check-jsonschema", sourceLocation: sourceLocation) else { return }
        let schema = Fixtures.path("cyclonedx-schema/bom-1.6.schema.json")
        // The schema's `$id` is on cyclonedx.org; the base URI makes its `$ref`s resolve to the local copies.
        let outcome = try run(["check-jsonschema", "--base-uri", "file://" + schema, "--schemafile", schema, path])
        #expect(outcome.status == 0, "CycloneDX 1.6 schema rejected \(path):\n\(outcome.output)", sourceLocation: sourceLocation)
    }
}

/// The test fixtures folder and scratch files.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    static func path(_ name: String) -> String { directory + "/" + name }

    static func bytes(_ name: String) throws -> [UInt8] {
        try Array(Data(contentsOf: URL(fileURLWithPath: path(name))))
    }

    /// A fresh temporary directory, removed by the caller with `removeTemporary`.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "sbom-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}
