import Foundation
import NIOHTTP1
import OCIModel

/// The `Authorization` a request carries and what it amounts to.
struct Authorization: Sendable {
    var header: String?
    var attempt: AuthAttempt
    /// For bearer tokens: where the token is cached, and the token itself.
    var tokenKey: TokenCache.Key?
    var token: String?

    static let anonymous = Authorization(header: nil, attempt: .anonymous)
}

extension RegistryClient {
    /// The OAuth2 client id sent with refresh-token grants.
    static let oauthClientID = "hallmark"

    /// What `request` should carry to answer `challenge`: nothing without a
    /// challenge, Basic credentials for Basic, a cached or freshly fetched token for Bearer.
    func authorize(_ request: RegistryRequest, challenge: AuthChallenge?) async throws -> Authorization {
        guard let challenge else { return .anonymous }
        let registry = request.endpoint.registry
        let found = try await credentials.credentials(for: registry)
        switch challenge.scheme {
        case "basic":
            guard let found, case .password(let username, let password) = found.secret else { return .anonymous }
            let encoded = Data("\(username):\(password)".utf8).base64EncodedString()
            return Authorization(header: "Basic \(encoded)", attempt: .basic(source: found.source))
        case "bearer":
            guard let realm = challenge.realm, let realmURL = URL(string: realm), realmURL.scheme != nil else {
                throw RegistryError.invalidResponse(
                    url: request.url.absoluteString, reason: "the Bearer challenge has no usable realm (token endpoint)")
            }
            let scopes = Set(request.scopes).union(challenge.scope.map { $0.split(separator: " ").map(String.init) } ?? []).sorted()
            let scope = scopes.joined(separator: " ")
            let key = TokenCache.Key(registry: registry, scope: scope)
            let attempt = AuthAttempt.bearer(realm: realm, scope: scope, source: found?.source)
            let token = try await tokens.token(for: key) { [self] in
                try await fetchToken(realm: realmURL, service: challenge.service, scopes: scopes,
                                     credentials: found, registry: registry, attempt: attempt)
            }
            return Authorization(header: "Bearer \(token)", attempt: attempt, tokenKey: key, token: token)
        default:
            return .anonymous
        }
    }

    /// Asks the token endpoint for a token: a POST with the OAuth2 `refresh_token`
    /// grant for an identity token, else a GET (with Basic credentials when there are some).
    func fetchToken(
        realm: URL, service: String?, scopes: [String], credentials: RegistryCredentials?, registry: String, attempt: AuthAttempt
    ) async throws -> BearerToken {
        var query: [(String, String)] = []
        if let service { query.append(("service", service)) }
        query += scopes.map { ("scope", $0) }
        var request: HTTPRequest
        switch credentials?.secret {
        case .identityToken(let refreshToken):
            let form = query + [("grant_type", "refresh_token"), ("refresh_token", refreshToken), ("client_id", Self.oauthClientID)]
            request = HTTPRequest(method: .POST, url: realm, body: .bytes(Array(FormEncoding.encode(form).utf8)))
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        case .password(let username, let password):
            request = HTTPRequest(method: .GET, url: FormEncoding.appending(query, to: realm))
            request.headers.add(name: "Authorization", value: "Basic " + Data("\(username):\(password)".utf8).base64EncodedString())
        case nil:
            request = HTTPRequest(method: .GET, url: FormEncoding.appending(query, to: realm))
        }
        request.headers.add(name: "User-Agent", value: options.userAgent)
        request.headers.add(name: "Accept", value: "application/json")
        let tokenRequest = request
        return try await withRetries {
            let response = try await transmit(tokenRequest)
            let url = response.url.absoluteString
            switch response.status {
            case 200:
                let bytes = try await readJSON(response, limit: JSONInput.maxDocumentSize, method: tokenRequest.method.rawValue)
                return try BearerToken(json: bytes, url: url, now: Date())
            case 401, 403:
                throw RegistryError.authentication(AuthenticationFailure(
                    registry: registry, url: url, status: response.status, attempted: attempt, errors: await errorEntries(of: response)))
            default:
                throw await failure(of: response, method: tokenRequest.method.rawValue)
            }
        }
    }
}

/// `application/x-www-form-urlencoded` encoding, also for query strings.
enum FormEncoding {
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// `url` with `pairs` added to its query (after any query it already has).
    static func appending(_ pairs: [(String, String)], to url: URL) -> URL {
        guard !pairs.isEmpty else { return url }
        let separator = url.query == nil ? "?" : "&"
        return URL(string: url.absoluteString + separator + encode(pairs)) ?? url
    }
}
