import OCIModel

/// Why a registry operation failed, in layers: the connection, the HTTP status
/// (with the registry's own error body), the protocol (answers that break the
/// distribution spec) and authentication. Descriptions say what to do next and
/// never contain credentials.
public enum RegistryError: RetryableError, Sendable, CustomStringConvertible {
    /// The connection failed or broke off (refused, reset, timed out).
    case transport(method: String, url: String, reason: String)
    /// The registry answered with a status the operation cannot use.
    case status(StatusFailure)
    /// The registry refused the credentials, or asked for some and there were none.
    case authentication(AuthenticationFailure)
    /// The answer was not of the kind the protocol requires, e.g. HTML where JSON was expected.
    case unexpectedContent(url: String, expected: String, contentType: String?)
    /// The answer could not be used: bad JSON, a missing header, a malformed token.
    case invalidResponse(url: String, reason: String)
    /// Content fetched by digest hashed to another digest.
    case digestMismatch(url: String, expected: Digest, actual: Digest)
    /// A JSON document was larger than the limit for documents read into memory.
    case tooLarge(url: String, limit: Int)
    /// A docker credential helper failed.
    case credentialHelper(name: String, reason: String)

    /// Whether trying the same request again may succeed: connection failures, 429 and 5xx.
    public var isRetryable: Bool {
        switch self {
        case .transport: true
        case .status(let failure): failure.status == 429 || (500...599).contains(failure.status)
        default: false
        }
    }

    /// How long the registry asked the client to wait before retrying (`Retry-After`).
    public var retryAfter: Duration? {
        if case .status(let failure) = self { return failure.retryAfter }
        return nil
    }

    public var description: String {
        switch self {
        case .transport(let method, let url, let reason):
            "\(method) \(url) failed: \(reason); check that the registry is reachable, and whether it speaks HTTPS or plain HTTP (see insecureRegistries)"
        case .status(let failure):
            failure.description
        case .authentication(let failure):
            failure.description
        case .unexpectedContent(let url, let expected, let contentType):
            "expected \(expected), got \(contentType ?? "no Content-Type") from \(url); is this a container registry (or a login page or proxy in between)?"
        case .invalidResponse(let url, let reason):
            "invalid response from \(url): \(reason)"
        case .digestMismatch(let url, let expected, let actual):
            "digest mismatch for \(url): expected \(expected), content hashes to \(actual); the registry served other content than was asked for"
        case .tooLarge(let url, let limit):
            "the document at \(url) exceeds the \(limit)-byte limit for JSON documents"
        case .credentialHelper(let name, let reason):
            "credential helper docker-credential-\(name) failed: \(reason); check that it is installed and logged in, or set HALLMARK_REGISTRY_USERNAME/PASSWORD"
        }
    }
}

extension RegistryError {
    /// A response that failed to decode (the error's source is its URL), as ``invalidResponse(url:reason:)``.
    static func invalidResponse(_ error: InputError) -> RegistryError {
        .invalidResponse(url: error.source, reason: error.field.map { "field '\($0)': \(error.reason)" } ?? error.reason)
    }
}

/// A status the operation could not use, with what the registry said about it.
public struct StatusFailure: Sendable, CustomStringConvertible {
    public let method: String
    public let url: String
    public let status: Int
    /// The entries of the registry's `{"errors": [...]}` body, if it sent one.
    public let errors: [RegistryErrorBody.Entry]
    /// The `Retry-After` the registry sent, if any.
    public let retryAfter: Duration?

    public init(method: String, url: String, status: Int, errors: [RegistryErrorBody.Entry], retryAfter: Duration? = nil) {
        self.method = method
        self.url = url
        self.status = status
        self.errors = errors
        self.retryAfter = retryAfter
    }

    public var description: String {
        var text = "\(method) \(url) answered \(status)"
        if !errors.isEmpty { text += ": " + errors.map(\.description).joined(separator: "; ") }
        switch status {
        case 429: text += "; the registry is rate limiting, try again later"
        case 500...599: text += "; the registry failed, try again later"
        default: break
        }
        return text
    }
}

/// A 401 or 403 after the client tried what it could.
public struct AuthenticationFailure: Sendable, CustomStringConvertible {
    /// `host[:port]` of the registry.
    public let registry: String
    public let url: String
    /// 401 (not authenticated) or 403 (authenticated, not allowed).
    public let status: Int
    /// What the client tried, without secrets.
    public let attempted: AuthAttempt
    /// The entries of the registry's or token server's error body.
    public let errors: [RegistryErrorBody.Entry]

    public init(registry: String, url: String, status: Int, attempted: AuthAttempt, errors: [RegistryErrorBody.Entry]) {
        self.registry = registry
        self.url = url
        self.status = status
        self.attempted = attempted
        self.errors = errors
    }

    public var description: String {
        var text = status == 403
            ? "access denied (403) to \(url) \(attempted)"
            : "authentication failed (\(status)) for \(url) \(attempted)"
        if !errors.isEmpty { text += ": " + errors.map(\.description).joined(separator: "; ") }
        if attempted.usedCredentials {
            text += status == 403
                ? "; the account may lack permission for this repository"
                : "; check the credentials (docker login \(registry), or HALLMARK_REGISTRY_USERNAME/PASSWORD)"
        } else {
            text += "; log in with docker login \(registry) or set HALLMARK_REGISTRY_USERNAME/PASSWORD"
                + " (with HALLMARK_REGISTRY=\(registry) when the command uses more than one registry)"
        }
        return text
    }
}

/// What the client tried when authentication failed; names where credentials came from, never their values.
public enum AuthAttempt: Sendable, Equatable, CustomStringConvertible {
    /// No credentials were sent.
    case anonymous
    /// HTTP Basic with credentials from `source`.
    case basic(source: String)
    /// A bearer token from `realm` for `scope`, obtained with credentials from `source` (or anonymously).
    case bearer(realm: String, scope: String, source: String?)

    /// Whether credentials were part of the attempt.
    public var usedCredentials: Bool {
        switch self {
        case .anonymous: false
        case .basic: true
        case .bearer(_, _, let source): source != nil
        }
    }

    public var description: String {
        switch self {
        case .anonymous: "without credentials"
        case .basic(let source): "with Basic credentials from \(source)"
        case .bearer(let realm, let scope, let source):
            "with a bearer token from \(realm) for '\(scope)' " + (source.map { "using credentials from \($0)" } ?? "obtained anonymously")
        }
    }
}
