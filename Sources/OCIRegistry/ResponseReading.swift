import Foundation
import OCIModel

extension RegistryClient {
    /// The most of an error body read (to find the registry's JSON error entries).
    static let maxErrorBodySize = 64 * 1024

    /// The whole body of `response`, refusing more than `limit` bytes (checked
    /// against `Content-Length` first, then while reading). A connection that breaks
    /// while reading is a retryable ``RegistryError/transport(method:url:reason:)``.
    func readBody(_ response: HTTPResponse, limit: Int, method: String) async throws -> [UInt8] {
        let url = response.url.absoluteString
        if let length = response.header("Content-Length").flatMap(Int.init), length > limit {
            throw RegistryError.tooLarge(url: url, limit: limit)
        }
        do {
            return try await response.body.collect(limit: limit)
        } catch is ByteLimitError {
            throw RegistryError.tooLarge(url: url, limit: limit)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw RegistryError.transport(method: method, url: url, reason: "reading the response failed: \(error)")
        }
    }

    /// The body of a response that must be JSON; an HTML or text page is a
    /// ``RegistryError/unexpectedContent(url:expected:contentType:)``.
    func readJSON(_ response: HTTPResponse, limit: Int, method: String) async throws -> [UInt8] {
        let contentType = response.header("Content-Type")
        if let contentType, !Self.mayBeJSON(contentType) {
            await discard(response)
            throw RegistryError.unexpectedContent(url: response.url.absoluteString, expected: "JSON", contentType: contentType)
        }
        return try await readBody(response, limit: limit, method: method)
    }

    /// Decodes a JSON body into `T`; bad JSON is a ``RegistryError/invalidResponse(url:reason:)``.
    func decodeJSON<T: Decodable>(_ type: T.Type, from response: HTTPResponse, method: String) async throws -> T {
        let bytes = try await readJSON(response, limit: JSONInput.maxDocumentSize, method: method)
        do {
            return try JSONInput.decode(type, from: bytes, source: response.url.absoluteString)
        } catch {
            throw RegistryError.invalidResponse(error)
        }
    }

    /// Whether a `Content-Type` can hold JSON: anything but text, HTML and XML.
    static func mayBeJSON(_ contentType: String) -> Bool {
        let type = contentType.lowercased()
        if type.contains("json") { return true }
        return !(type.hasPrefix("text/") || type.contains("html") || type.contains("xml"))
    }

    /// The registry's error entries in the body of `response` (read up to a limit).
    func errorEntries(of response: HTTPResponse) async -> [RegistryErrorBody.Entry] {
        guard let bytes = try? await response.body.collect(limit: Self.maxErrorBodySize) else { return [] }
        return RegistryErrorBody.entries(in: bytes)
    }

    /// Reads and drops a small body, so the connection can be reused.
    func discard(_ response: HTTPResponse) async {
        _ = try? await response.body.collect(limit: Self.maxErrorBodySize)
    }

    /// A ``RegistryError/status(_:)`` for a response the operation cannot use.
    func failure(of response: HTTPResponse, method: String) async -> RegistryError {
        let retryAfter = response.header("Retry-After").flatMap { RetryPolicy.parseRetryAfter($0) }
        return .status(StatusFailure(
            method: method, url: response.url.absoluteString, status: response.status,
            errors: await errorEntries(of: response), retryAfter: retryAfter))
    }

    /// A ``RegistryError/status(_:)`` for the answer to `request`.
    func failure(of response: HTTPResponse, for request: RegistryRequest) async -> RegistryError {
        await failure(of: response, method: request.method.rawValue)
    }
}
