import Foundation
import OCIRegistry

/// The real transport with one HTTPS name routed to a loopback server, standing in for
/// that name's DNS entry and TLS terminator: `https://<name>/…` is sent to
/// `http://<address>/…`, and the answer names the URL that was asked for. Every other
/// URL goes out unchanged. For registries that must not look like loopback.
struct RoutingTransport: HTTPTransport {
    let name: String
    let address: String
    private let transport = AsyncHTTPTransport()

    init(name: String, to address: String) {
        self.name = name
        self.address = address
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.url.scheme == "https", request.url.host == name,
              var components = URLComponents(url: request.url, resolvingAgainstBaseURL: true)
        else { return try await transport.send(request) }
        components.scheme = "http"
        components.percentEncodedHost = "127.0.0.1"
        components.port = Int(address.split(separator: ":").last ?? "")
        var routed = request
        routed.url = components.url ?? request.url
        var response = try await transport.send(routed)
        response.url = request.url
        return response
    }

    func shutdown() async throws {
        try await transport.shutdown()
    }
}
