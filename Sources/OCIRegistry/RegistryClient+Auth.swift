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
            guard let found, let header = Self.basicAuthorization(found) else { return .anonymous }
            return Authorization(header: header, attempt: .basic(source: found.source))
        case "bearer":
            let realmURL = try tokenRealm(of: challenge, for: request)
            let realm = realmURL.absoluteString
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

    /// The token endpoint a Bearer challenge names: an `https` URL, or plain `http`
    /// only when the registry itself is reached over plain HTTP (loopback or
    /// ``RegistryClientOptions/insecureRegistries``). Other schemes (`unix`,
    /// `http+unix`, `file`) are refused.
    func tokenRealm(of challenge: AuthChallenge, for request: RegistryRequest) throws(RegistryError) -> URL {
        let url = request.url.absoluteString
        guard let realm = challenge.realm, let realmURL = URL(string: realm), let origin = HTTPOrigin(realmURL) else {
            throw .invalidResponse(url: url, reason: "the Bearer challenge has no usable realm (an http or https token endpoint)")
        }
        guard origin.scheme == "https" || request.endpoint.scheme == "http" else {
            throw .invalidResponse(
                url: url, reason: "the Bearer challenge names the plain-http token endpoint \(realm); credentials for an https registry "
                    + "are sent to https token endpoints only (use --insecure-registry only for a registry that is itself plain http)")
        }
        return realmURL
    }

    /// Asks the token endpoint for a token: a POST with the OAuth2 `refresh_token`
    /// grant for an identity token, else a GET (with Basic credentials when there are
    /// some). Credentials go only to the realm's origin: a redirect elsewhere gets no
    /// `Authorization`, and the refresh token is never re-sent to another origin.
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
        case .password, nil:
            request = HTTPRequest(method: .GET, url: FormEncoding.appending(query, to: realm))
        }
        request.headers.add(name: "User-Agent", value: options.userAgent)
        request.headers.add(name: "Accept", value: "application/json")
        let tokenRequest = request
        let origin = HTTPOrigin(realm)
        let basic = credentials.flatMap(Self.basicAuthorization)
        return try await withRetries {
            let response = try await transmit(tokenRequest) { hop in
                if HTTPOrigin(hop.url) == origin {
                    if let basic { hop.headers.replaceOrAdd(name: "Authorization", value: basic) }
                } else if hop.body != nil {
                    throw RegistryError.invalidResponse(
                        url: realm.absoluteString, reason: "the token endpoint redirected the refresh-token request to another origin "
                            + "(\(HTTPRedirect.display(hop.url))); the refresh token is sent to the realm's own origin only")
                }
            }
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

    /// `Basic <base64(user:password)>` for password credentials; `nil` for an identity token.
    static func basicAuthorization(_ credentials: RegistryCredentials) -> String? {
        guard case .password(let username, let password) = credentials.secret else { return nil }
        return "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
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
