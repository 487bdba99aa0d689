import Foundation
import NIOHTTP1
import OCIModel

extension RegistryClient {
    /// Sends `request` once, authenticating as the registry asks: a 401 teaches the
    /// client the registry's challenge, and the request is sent once more with a
    /// (fresh) token or Basic credentials.
    ///
    /// Throws on a final 401/403 (``RegistryError/authentication(_:)``), on 429 and
    /// 5xx (``RegistryError/status(_:)``, retryable) and on connection errors;
    /// returns every other response with its body unread.
    func send(_ request: RegistryRequest) async throws -> HTTPResponse {
        let registry = request.endpoint.registry
        var authorization = try await authorize(request, challenge: challenges.withLock { $0[registry] })
        var response = try await transmit(request, authorization: authorization.header)
        if response.status == 401 {
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

    /// Sends `request` through the transport with `authorization`, turning transport
    /// failures into ``RegistryError/transport(method:url:reason:)``.
    func transmit(_ request: RegistryRequest, authorization: String?) async throws -> HTTPResponse {
        var outgoing = HTTPRequest(method: request.method, url: request.url, headers: request.headers, body: request.body)
        outgoing.headers.replaceOrAdd(name: "User-Agent", value: options.userAgent)
        if let authorization { outgoing.headers.replaceOrAdd(name: "Authorization", value: authorization) }
        return try await transmit(outgoing)
    }

    /// Sends a prepared request, turning transport failures into ``RegistryError/transport(method:url:reason:)``;
    /// errors of the request body's own stream (such as a ``DigestError``) pass through.
    func transmit(_ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            return try await transport.send(request)
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

    /// Runs `operation`, again after a backoff while it throws a retryable
    /// ``RegistryError`` and the retry policy allows.
    func withRetries<T>(_ operation: () async throws -> T) async throws -> T {
        var retry = 0
        var generator = SystemRandomNumberGenerator()
        while true {
            do {
                return try await operation()
            } catch let error as RegistryError where error.isRetryable && retry < options.retry.maxRetries {
                retry += 1
                try await Task.sleep(for: options.retry.delay(forRetry: retry, retryAfter: error.retryAfter, using: &generator))
            }
        }
    }
}
