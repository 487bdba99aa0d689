/// Credentials for one registry, with where they came from (for messages). Their
/// description never shows the secret.
public struct RegistryCredentials: Sendable, Equatable, CustomStringConvertible {
    /// The secret part.
    public enum Secret: Sendable, Equatable {
        /// A user name and password (or personal access token).
        case password(username: String, password: String)
        /// An identity (refresh) token, exchanged at the token endpoint with the OAuth2 `refresh_token` grant.
        case identityToken(String)
    }

    public let secret: Secret
    /// Where they came from, e.g. `docker config /home/u/.docker/config.json` or `HALLMARK_REGISTRY_USERNAME/PASSWORD`.
    public let source: String

    public init(_ secret: Secret, source: String) {
        self.secret = secret
        self.source = source
    }

    public var description: String { "credentials from \(source)" }
}
