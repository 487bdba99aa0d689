import Foundation

/// Finds the credentials for a registry, in this order:
/// 1. `HALLMARK_REGISTRY_USERNAME` / `HALLMARK_REGISTRY_PASSWORD`, for their registry only
///    (see ``init(environment:soleRegistry:)``);
/// 2. the credential helper Docker's config names for the registry (`credHelpers`, then `credsStore`);
/// 3. the config's `auths` entry (`auth`, `username`/`password`, `identitytoken`).
///
/// The environment (and with it `HOME`, `DOCKER_CONFIG` and `PATH`) is passed in; the
/// library never reads the process's own. Answers are remembered per registry.
public actor CredentialResolver {
    /// The environment variable with the user name for the registry of ``registryVariable``.
    public static let usernameVariable = "HALLMARK_REGISTRY_USERNAME"
    /// The environment variable with the password for the registry of ``registryVariable``.
    public static let passwordVariable = "HALLMARK_REGISTRY_PASSWORD"
    /// The environment variable naming the registry (`host[:port]`) the user name and password are for.
    public static let registryVariable = "HALLMARK_REGISTRY"

    private let environment: [String: String]
    /// The registry the environment's user name and password are for (normalized), if any.
    private let environmentRegistry: String?
    private var resolved: [String: RegistryCredentials?] = [:]

    /// Resolves from `environment` (the command line passes the process's). Its
    /// ``usernameVariable`` and ``passwordVariable`` apply to the registry
    /// ``registryVariable`` names, else to `soleRegistry` (the one registry the caller
    /// talks to, when there is exactly one), else to none; never to every registry that asks.
    public init(environment: [String: String], soleRegistry: String? = nil) {
        self.environment = environment
        let named = environment[Self.registryVariable].flatMap { $0.isEmpty ? nil : $0 } ?? soleRegistry
        environmentRegistry = named.map(DockerConfig.normalizedHost)
    }

    /// A resolver that never finds credentials.
    public static var anonymous: CredentialResolver { CredentialResolver(environment: [:]) }

    /// Whether `environment` holds a user name and password (``usernameVariable``, ``passwordVariable``).
    public static func hasEnvironmentCredentials(_ environment: [String: String]) -> Bool {
        environmentCredentials(environment) != nil
    }

    /// The credentials for `registry` (`host[:port]`), or `nil` for anonymous access.
    public func credentials(for registry: String) async throws -> RegistryCredentials? {
        if let known = resolved[registry] { return known }
        let found = try await lookUp(registry)
        resolved[registry] = found
        return found
    }

    private func lookUp(_ registry: String) async throws -> RegistryCredentials? {
        if let found = Self.environmentCredentials(environment), environmentRegistry == DockerConfig.normalizedHost(registry) {
            return found
        }
        guard let (config, path) = try DockerConfig.load(environment: environment) else { return nil }
        if let helper = config.helper(for: registry),
           let found = try await CredentialHelper(name: helper, environment: environment).get(serverURL: DockerConfig.serverURL(for: registry)) {
            return found
        }
        return config.credentials(for: registry, source: "docker config \(path)")
    }

    private static func environmentCredentials(_ environment: [String: String]) -> RegistryCredentials? {
        guard let username = environment[usernameVariable], let password = environment[passwordVariable], !username.isEmpty else { return nil }
        return RegistryCredentials(.password(username: username, password: password), source: "\(usernameVariable)/\(passwordVariable)")
    }
}
