import Foundation
import NIOHTTP1
import OCIModel
import Synchronization

/// A client of the OCI distribution API (v2) for any number of registries.
///
/// It holds what is shared between requests: one transport (one connection pool),
/// the credentials, the bearer tokens per registry and scope, and the last
/// authentication challenge of each registry, so that later requests carry the
/// right `Authorization` from the start. Work on one repository through
/// ``repository(_:)``. Call ``shutdown()`` when done.
public final class RegistryClient: Sendable {
    public let options: RegistryClientOptions
    let transport: any HTTPTransport
    let credentials: CredentialResolver
    let tokens: TokenCache
    let challenges = Mutex<[String: AuthChallenge]>([:])

    /// A client sending through `transport` (by default AsyncHTTPClient) with
    /// credentials from `credentials` (by default none).
    public init(
        options: RegistryClientOptions = .init(), credentials: CredentialResolver = .anonymous,
        tokens: TokenCache = TokenCache(), transport: (any HTTPTransport)? = nil
    ) {
        self.options = options
        self.credentials = credentials
        self.tokens = tokens
        self.transport = transport ?? AsyncHTTPTransport()
    }

    /// Where `registry` (`host[:port]`) is reached, honouring ``RegistryClientOptions/insecureRegistries``.
    public func endpoint(_ registry: String) -> RegistryEndpoint {
        RegistryEndpoint(registry: registry, insecureRegistries: options.insecureRegistries)
    }

    /// The repository `reference` names (its tag and digest are not used).
    public func repository(_ reference: ImageReference) -> RegistryRepository {
        RegistryRepository(client: self, registry: reference.registry, repository: reference.repository)
    }

    /// Checks that `registry` speaks the distribution API and accepts the
    /// credentials (`GET /v2/`, authenticating as the registry asks).
    public func ping(_ registry: String) async throws {
        let request = RegistryRequest(endpoint: endpoint(registry), method: .GET, url: endpoint(registry).baseURL, scopes: [])
        try await withRetries {
            let response = try await send(request)
            guard response.status == 200 else { throw await failure(of: response, for: request) }
            await discard(response)
        }
    }

    /// Closes the connections; the client cannot be used afterwards.
    public func shutdown() async throws {
        try await transport.shutdown()
    }
}

/// A request to a registry, with the token scopes it needs.
struct RegistryRequest: Sendable {
    var endpoint: RegistryEndpoint
    var method: HTTPMethod
    var url: URL
    var headers: HTTPHeaders = [:]
    var body: RequestBody?
    /// Token scopes such as `repository:test/app:pull`.
    var scopes: [String]

    init(endpoint: RegistryEndpoint, method: HTTPMethod, url: URL, headers: HTTPHeaders = [:], body: RequestBody? = nil, scopes: [String]) {
        self.endpoint = endpoint
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.scopes = scopes
    }
}
