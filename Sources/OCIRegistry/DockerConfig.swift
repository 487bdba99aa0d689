import Foundation
import OCIModel

/// The parts of Docker's `config.json` that hold registry credentials.
public struct DockerConfig: Sendable, Equatable {
    /// One `auths` entry.
    public struct AuthEntry: Sendable, Equatable, Decodable {
        /// base64 of `user:password`.
        public var auth: String?
        public var username: String?
        public var password: String?
        /// An OAuth2 refresh token (what `docker login` stores for some registries).
        public var identitytoken: String?

        public init(auth: String? = nil, username: String? = nil, password: String? = nil, identitytoken: String? = nil) {
            self.auth = auth
            self.username = username
            self.password = password
            self.identitytoken = identitytoken
        }
    }

    /// Entries keyed by host (`127.0.0.1:5000`) or URL (`https://index.docker.io/v1/`).
    public var auths: [String: AuthEntry]
    /// The credential helper for every registry (`docker-credential-<credsStore>`).
    public var credsStore: String?
    /// Credential helpers per registry host; they take precedence over ``credsStore``.
    public var credHelpers: [String: String]

    public init(auths: [String: AuthEntry] = [:], credsStore: String? = nil, credHelpers: [String: String] = [:]) {
        self.auths = auths
        self.credsStore = credsStore
        self.credHelpers = credHelpers
    }

    /// The key Docker uses for Docker Hub in `auths` and for credential helpers.
    public static let dockerHubServerURL = "https://index.docker.io/v1/"

    /// Parses `bytes` read from `source`.
    public init(bytes: [UInt8], source: String) throws(InputError) {
        let file = try JSONInput.decode(File.self, from: bytes, source: source)
        self.init(auths: file.auths ?? [:], credsStore: file.credsStore.flatMap { $0.isEmpty ? nil : $0 }, credHelpers: file.credHelpers ?? [:])
    }

    /// The config file the environment points at: `$DOCKER_CONFIG/config.json`, else `$HOME/.docker/config.json`.
    public static func path(environment: [String: String]) -> String? {
        if let directory = environment["DOCKER_CONFIG"], !directory.isEmpty { return directory + "/config.json" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.docker/config.json" }
        return nil
    }

    /// Loads the config the environment points at; `nil` when there is no such file.
    public static func load(environment: [String: String]) throws -> (config: DockerConfig, path: String)? {
        guard let path = path(environment: environment), FileManager.default.fileExists(atPath: path) else { return nil }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return (try DockerConfig(bytes: Array(data), source: path), path)
    }

    /// The `auths` entry for `registry` (`host[:port]`), matching keys written as a
    /// host or as a URL; Docker Hub's entry is under ``dockerHubServerURL``.
    public func authEntry(for registry: String) -> AuthEntry? {
        let wanted = Self.normalizedHost(registry)
        if let exact = auths[Self.serverURL(for: registry)] { return exact }
        return auths.first { Self.normalizedHost($0.key) == wanted }?.value
    }

    /// The credential helper that serves `registry`: its `credHelpers` entry, else ``credsStore``.
    public func helper(for registry: String) -> String? {
        let wanted = Self.normalizedHost(registry)
        return credHelpers.first { Self.normalizedHost($0.key) == wanted }?.value ?? credsStore
    }

    /// What Docker passes to a credential helper for `registry`: Docker Hub's URL, else the host.
    public static func serverURL(for registry: String) -> String {
        normalizedHost(registry) == "docker.io" ? dockerHubServerURL : registry
    }

    /// `host[:port]` of a key or registry: scheme and path dropped, Docker Hub's aliases folded to `docker.io`.
    static func normalizedHost(_ key: String) -> String {
        var host = Substring(key)
        if let scheme = host.range(of: "://") { host = host[scheme.upperBound...] }
        if let slash = host.firstIndex(of: "/") { host = host[..<slash] }
        let lowered = host.lowercased()
        return ["index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"].contains(lowered) ? "docker.io" : lowered
    }

    /// The credentials in the `auths` entry for `registry`, if it holds any; `source` names the file in messages.
    public func credentials(for registry: String, source: String) -> RegistryCredentials? {
        authEntry(for: registry).flatMap { Self.credentials(from: $0, source: source) }
    }

    /// The credentials an entry holds, if any.
    private static func credentials(from entry: AuthEntry, source: String) -> RegistryCredentials? {
        if let token = entry.identitytoken, !token.isEmpty { return RegistryCredentials(.identityToken(token), source: source) }
        if let username = entry.username, let password = entry.password, !username.isEmpty {
            return RegistryCredentials(.password(username: username, password: password), source: source)
        }
        guard let auth = entry.auth, !auth.isEmpty,
              let decoded = Data(base64Encoded: auth).map({ String(decoding: $0, as: UTF8.self) }),
              let colon = decoded.firstIndex(of: ":")
        else { return nil }
        return RegistryCredentials(
            .password(username: String(decoded[..<colon]), password: String(decoded[decoded.index(after: colon)...])), source: source)
    }

    private struct File: Decodable {
        var auths: [String: AuthEntry]?
        var credsStore: String?
        var credHelpers: [String: String]?
    }
}
