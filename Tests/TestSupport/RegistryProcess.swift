import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real CNCF distribution registry (`docker-registry serve`) on 127.0.0.1 with a
/// free port and its own temporary storage, for integration tests. Stop it with
/// ``stop()`` (SIGTERM, then waiting for the process), or use ``withRegistry(basicAuth:tokenAuthority:_:)``.
public final class RegistryProcess: @unchecked Sendable {
    // `process` is only touched by `start` and `stop`, which a test calls from one task.
    /// Where the binary is expected.
    public static let binary = "/usr/bin/docker-registry"
    /// How long to wait for the registry to accept connections after starting.
    public static let startTimeout: Duration = .seconds(60)
    /// How many registries may be starting at the same moment (the others wait their turn).
    public static let concurrentStarts = 2
    private static let gate = StartGate(permits: concurrentStarts)

    /// A user the registry accepts with HTTP Basic (htpasswd, bcrypt).
    public struct User: Sendable {
        public var username: String
        public var password: String
        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }
    }

    public let port: Int
    /// The temporary directory with the config, the storage and `registry.log`.
    public let directory: URL
    private let process: Process

    /// `127.0.0.1:<port>`, the registry part of image references.
    public var address: String { "127.0.0.1:\(port)" }

    private init(port: Int, directory: URL, process: Process) {
        self.port = port
        self.directory = directory
        self.process = process
    }

    /// Starts a registry, with HTTP Basic authentication for `basicAuth` or token
    /// authentication by `tokenAuthority` when given, and waits until it accepts connections.
    /// At most ``concurrentStarts`` registries start at once.
    public static func start(basicAuth: User? = nil, tokenAuthority: TokenAuthority? = nil) async throws -> RegistryProcess {
        try await gate.withPermit { try await launch(basicAuth: basicAuth, tokenAuthority: tokenAuthority) }
    }

    private static func launch(basicAuth: User?, tokenAuthority: TokenAuthority?) async throws -> RegistryProcess {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw HarnessError("\(binary) is missing: install it with `apt-get install -y docker-registry`")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hallmark-registry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("storage"), withIntermediateDirectories: true)
        let port = try freePort()
        var config = """
            version: 0.1
            log: {level: info, formatter: text}
            storage:
              filesystem: {rootdirectory: \(directory.path)/storage}
              delete: {enabled: true}
              maintenance: {uploadpurging: {enabled: false}}
            http:
              addr: 127.0.0.1:\(port)
              secret: hallmark-test-registry-secret

            """
        if let basicAuth {
            let htpasswd = directory.appendingPathComponent("htpasswd")
            try await htpasswdLine(basicAuth).write(to: htpasswd, atomically: true, encoding: .utf8)
            config += "auth: {htpasswd: {realm: test-registry, path: \(htpasswd.path)}}\n"
        }
        if let tokenAuthority {
            config += "auth: {token: {realm: \"\(tokenAuthority.realm)\", service: \(tokenAuthority.service), "
                + "issuer: \(tokenAuthority.issuer), rootcertbundle: \(tokenAuthority.certificatePath)}}\n"
        }
        let configFile = directory.appendingPathComponent("config.yml")
        try config.write(to: configFile, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", configFile.path]
        let log = directory.appendingPathComponent("registry.log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw HarnessError("cannot create \(log.path)") }
        let logHandle = try FileHandle(forWritingTo: log)
        process.standardOutput = logHandle
        process.standardError = logHandle
        try process.run()
        try logHandle.close()
        let registry = RegistryProcess(port: port, directory: directory, process: process)
        do {
            try await registry.waitUntilListening()
        } catch {
            await registry.stop()
            throw error
        }
        return registry
    }

    /// Stops the registry (SIGTERM; SIGKILL if it has not exited after 10 s),
    /// waits for it to exit (on a thread of its own) and removes its directory.
    public func stop() async {
        _ = try? await offloaded { [self] in
            if process.isRunning {
                process.terminate()
                let deadline = Date().addingTimeInterval(10)
                while process.isRunning, Date() < deadline { usleep(10_000) }
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
            }
            try? FileManager.default.removeItem(at: directory)
        }
    }

    /// The registry's log so far (for failure messages).
    public var log: String {
        (try? String(contentsOf: directory.appendingPathComponent("registry.log"), encoding: .utf8)) ?? ""
    }

    /// Waits until the registry accepts connections. The port is always tried once more
    /// after the deadline, so a test task that was not scheduled for a while (a busy
    /// machine) does not give up on a registry that is in fact listening.
    private func waitUntilListening() async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + Self.startTimeout
        while true {
            guard process.isRunning else {
                throw HarnessError("docker-registry exited with status \(process.terminationStatus):\n\(log)")
            }
            if Self.accepts(port: port) { return }
            if clock.now >= deadline { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw HarnessError("docker-registry did not listen on \(address) within \(Self.startTimeout):\n\(log)")
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// A port that was free a moment ago (bound to port 0, then released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HarnessError("socket() failed") }
        defer { close(fd) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw HarnessError("bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        return address
    }

    /// `user:bcrypt-hash` from `htpasswd -Bbn` (distribution accepts only bcrypt).
    private static func htpasswdLine(_ user: User) async throws -> String {
        let tool = "/usr/bin/htpasswd"
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            throw HarnessError("\(tool) is missing: install it with `apt-get install -y apache2-utils`")
        }
        let result = try await ChildProcess.run(tool, ["-Bbn", user.username, user.password])
        guard result.status == 0 else { throw HarnessError("htpasswd failed with status \(result.status)") }
        return String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
    }
}

/// Runs `body` with a fresh registry and always stops it afterwards.
public func withRegistry<T>(
    basicAuth: RegistryProcess.User? = nil, tokenAuthority: TokenAuthority? = nil, _ body: (RegistryProcess) async throws -> T
) async throws -> T {
    let registry = try await RegistryProcess.start(basicAuth: basicAuth, tokenAuthority: tokenAuthority)
    do {
        let result = try await body(registry)
        await registry.stop()
        return result
    } catch {
        await registry.stop()
        throw error
    }
}

/// The test harness could not do its job (a tool missing, a server not starting).
public struct HarnessError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
