import Foundation
import NIOHTTP1
import OCIModel

extension RegistryClient {
    /// Sends `request` once (following redirects), authenticating as the registry
    /// asks: a 401 from the registry's own origin teaches the client the registry's
    /// challenge, and the request is sent once more with a (fresh) token or Basic
    /// credentials. A 401 from any other origin (an upload location, a pagination
    /// link, a redirect target such as blob storage) is never answered.
    ///
    /// Throws on a final 401/403 (``RegistryError/authentication(_:)``), on 429 and
    /// 5xx (``RegistryError/status(_:)``, retryable) and on connection errors;
    /// returns every other response with its body unread.
    func send(_ request: RegistryRequest) async throws -> HTTPResponse {
        let registry = request.endpoint.registry
        var authorization = try await authorize(request, challenge: challenges.withLock { $0[registry] })
        var response = try await transmit(request, authorization: authorization.header)
        let fromRegistry = { (response: HTTPResponse) in HTTPOrigin(response.url) == request.endpoint.origin }
        if response.status == 401, fromRegistry(response) {
            let offered = AuthChallenge.parse(headers: response.headers["WWW-Authenticate"])
            if let challenge = offered.first(where: { $0.scheme == "bearer" }) ?? offered.first(where: { $0.scheme == "basic" }) {
                challenges.withLock { $0[registry] = challenge }
                if let key = authorization.tokenKey, let token = authorization.token { await tokens.invalidate(key, token: token) }
                let retry = try await authorize(request, challenge: challenge)
                if retry.header != nil, retry.header != authorization.header || authorization.tokenKey != nil {
                    await discard(response)
                    authorization = retry
                    response = try await transmit(request, authorization: retry.header)
                }
            }
        }
        switch response.status {
        case 401, 403:
            guard fromRegistry(response) else { throw await foreignRefusal(response, for: request) }
            let errors = await errorEntries(of: response)
            throw RegistryError.authentication(AuthenticationFailure(
                registry: registry, url: request.url.absoluteString, status: response.status,
                attempted: authorization.attempt, errors: errors))
        case 429, 500...599:
            throw await failure(of: response, for: request)
        default:
            return response
        }
    }

    /// Sends `request` through the transport, following redirects; `authorization`
    /// goes along only to hops on the registry's own origin.
    func transmit(_ request: RegistryRequest, authorization: String?) async throws -> HTTPResponse {
        var outgoing = HTTPRequest(method: request.method, url: request.url, headers: request.headers, body: request.body)
        outgoing.headers.replaceOrAdd(name: "User-Agent", value: options.userAgent)
        let origin = request.endpoint.origin
        return try await transmit(outgoing) { hop in
            if let authorization, HTTPOrigin(hop.url) == origin { hop.headers.replaceOrAdd(name: "Authorization", value: authorization) }
        }
    }

    /// Sends a request, following redirects with `prepare` deciding per hop (see
    /// ``HTTPTransport/followRedirects(_:preparing:)``), turning transport failures into
    /// ``RegistryError/transport(method:url:reason:)``; errors of the request body's own
    /// stream (such as a ``DigestError``) pass through.
    func transmit(_ request: HTTPRequest, preparing prepare: (inout HTTPRequest) throws -> Void) async throws -> HTTPResponse {
        do {
            return try await transport.followRedirects(request, preparing: prepare)
        } catch let error as RegistryError {
            throw error
        } catch let error as DigestError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw RegistryError.transport(method: request.method.rawValue, url: request.url.absoluteString, reason: "\(error)")
        }
    }

    /// Runs `operation` under the client's ``RetryPolicy`` (see ``RetryPolicy/run(_:)``).
    func withRetries<T>(_ operation: () async throws -> T) async throws -> T {
        try await options.retry.run(operation)
    }

    /// The error for a 401 or 403 from another origin than the registry's (where an
    /// upload location, a pagination link or a redirect led): the registry's
    /// credentials are not sent there, so asking again cannot help.
    private func foreignRefusal(_ response: HTTPResponse, for request: RegistryRequest) async -> RegistryError {
        await discard(response)
        let origin = HTTPOrigin(response.url)?.description ?? "another origin"
        return .invalidResponse(
            url: HTTPRedirect.display(response.url),
            reason: "\(origin) refused the request (\(response.status)) that the registry \(request.endpoint.registry) sent there; "
                + "its credentials go only to \(request.endpoint.origin), so the registry's redirect or upload location is at fault")
    }
}
