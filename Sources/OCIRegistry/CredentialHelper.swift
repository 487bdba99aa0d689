import Foundation

/// A docker credential helper (`docker-credential-<name>`), asked with its `get`
/// command: the server URL on stdin, `{"ServerURL","Username","Secret"}` on stdout.
public struct CredentialHelper: Sendable {
    /// The most output read from a helper.
    public static let maxOutputSize = 64 * 1024

    /// The helper's name, without the `docker-credential-` prefix.
    public let name: String
    /// The environment the helper runs with; its `PATH` is searched for the executable.
    public let environment: [String: String]

    public init(name: String, environment: [String: String]) {
        self.name = name
        self.environment = environment
    }

    /// The credentials the helper holds for `serverURL`, or `nil` when it has none.
    public func get(serverURL: String) async throws -> RegistryCredentials? {
        let executable = "docker-credential-\(name)"
        guard let path = Self.find(executable, path: environment["PATH"] ?? "") else {
            throw RegistryError.credentialHelper(name: name, reason: "\(executable) not found on PATH")
        }
        let result = try await Self.run(path, argument: "get", input: Array(serverURL.utf8), environment: environment)
        guard result.status == 0 else {
            let message = String(decoding: result.output.prefix(512), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if message.lowercased().contains("credentials not found") { return nil }
            throw RegistryError.credentialHelper(name: name, reason: "exit status \(result.status)" + (message.isEmpty ? "" : ": \(message)"))
        }
        guard let reply = try? JSONDecoder().decode(Reply.self, from: Data(result.output)) else {
            throw RegistryError.credentialHelper(name: name, reason: "its output is not the JSON {ServerURL, Username, Secret}")
        }
        let source = "credential helper \(executable)"
        if reply.Username == "<token>" { return RegistryCredentials(.identityToken(reply.Secret), source: source) }
        return RegistryCredentials(.password(username: reply.Username, password: reply.Secret), source: source)
    }

    private struct Reply: Decodable {
        var Username: String
        var Secret: String
    }

    static func find(_ executable: String, path: String) -> String? {
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(executable)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `executable argument` with `input` on stdin; returns its exit status and stdout.
    private static func run(
        _ executable: String, argument: String, input: [UInt8], environment: [String: String]
    ) async throws -> (status: Int32, output: [UInt8]) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: executable)
                    process.arguments = [argument]
                    process.environment = environment
                    let stdin = Pipe(), stdout = Pipe()
                    process.standardInput = stdin
                    process.standardOutput = stdout
                    process.standardError = FileHandle.nullDevice
                    try process.run()
                    try stdin.fileHandleForWriting.write(contentsOf: input)
                    try stdin.fileHandleForWriting.close()
                    var output: [UInt8] = []
                    while let chunk = try stdout.fileHandleForReading.read(upToCount: 4096), !chunk.isEmpty {
                        if output.count < maxOutputSize { output += chunk.prefix(maxOutputSize - output.count) }
                    }
                    process.waitUntilExit()
                    continuation.resume(returning: (process.terminationStatus, output))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
