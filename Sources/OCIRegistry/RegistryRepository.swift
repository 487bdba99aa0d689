import Foundation
import NIOHTTP1
import OCIModel

/// One repository of one registry, e.g. `127.0.0.1:5000/test/app`: manifests,
/// blobs, tags and referrers, through a shared ``RegistryClient``. It is also a
/// ``ContentSource``, ``ContentDestination`` and ``BlobMounting``.
public struct RegistryRepository: Sendable {
    public let client: RegistryClient
    /// Where the registry is reached.
    public let endpoint: RegistryEndpoint
    /// The repository path, e.g. `test/app`.
    public let repository: String

    public init(client: RegistryClient, registry: String, repository: String) {
        self.client = client
        self.endpoint = client.endpoint(registry)
        self.repository = repository
    }

    /// `host[:port]` of the registry.
    public var registry: String { endpoint.registry }

    /// `registry/repository`, e.g. `127.0.0.1:5000/test/app`.
    public var displayName: String { "\(registry)/\(repository)" }

    /// The token scope for this repository: `pull`, or `pull,push` for writes.
    func scope(push: Bool) -> String { "repository:\(repository):" + (push ? "pull,push" : "pull") }

    /// The URL of `path` below `/v2/<repository>/`.
    func url(_ path: String, query: [URLQueryItem] = []) -> URL {
        endpoint.url("\(repository)/\(path)", query: query)
    }

    /// A request on this repository needing pull (or, with `push`, push) access.
    func request(
        _ method: HTTPMethod, _ url: URL, headers: HTTPHeaders = [:], body: RequestBody? = nil, push: Bool = false,
        extraScopes: [String] = []
    ) -> RegistryRequest {
        RegistryRequest(endpoint: endpoint, method: method, url: url, headers: headers, body: body, scopes: [scope(push: push)] + extraScopes)
    }
}
