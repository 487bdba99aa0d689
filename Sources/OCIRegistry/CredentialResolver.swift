import Foundation

/// Finds the credentials for a registry, in this order:
/// 1. `HALLMARK_REGISTRY_USERNAME` / `HALLMARK_REGISTRY_PASSWORD`;
/// 2. the credential helper Docker's config names for the registry (`credHelpers`, then `credsStore`);
/// 3. the config's `auths` entry (`auth`, `username`/`password`, `identitytoken`).
///
/// The environment (and with it `HOME`, `DOCKER_CONFIG` and `PATH`) is injected, so
/// nothing depends on the real one unless asked. Answers are remembered per registry.
public actor CredentialResolver {
    /// The environment variable with the user name that overrides every other source.
    public static let usernameVariable = "HALLMARK_REGISTRY_USERNAME"
    /// The environment variable with the password that overrides every other source.
    public static let passwordVariable = "HALLMARK_REGISTRY_PASSWORD"

    private let environment: [String: String]
    private var resolved: [String: RegistryCredentials?] = [:]

    /// Resolves from `environment`, by default the process's.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// A resolver that never finds credentials.
    public static var anonymous: CredentialResolver { CredentialResolver(environment: [:]) }

    /// The credentials for `registry` (`host[:port]`), or `nil` for anonymous access.
    public func credentials(for registry: String) async throws -> RegistryCredentials? {
        if let known = resolved[registry] { return known }
        let found = try await lookUp(registry)
        resolved[registry] = found
        return found
    }

    private func lookUp(_ registry: String) async throws -> RegistryCredentials? {
        if let username = environment[Self.usernameVariable], let password = environment[Self.passwordVariable], !username.isEmpty {
            return RegistryCredentials(
                .password(username: username, password: password), source: "\(Self.usernameVariable)/\(Self.passwordVariable)")
        }
        guard let (config, path) = try DockerConfig.load(environment: environment) else { return nil }
        if let helper = config.helper(for: registry),
           let found = try await CredentialHelper(name: helper, environment: environment).get(serverURL: DockerConfig.serverURL(for: registry)) {
            return found
        }
        return config.credentials(for: registry, source: "docker config \(path)")
    }
}
