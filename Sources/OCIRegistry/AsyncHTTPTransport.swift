import AsyncHTTPClient
import Foundation
import NIOCore
import OCIModel

/// The ``HTTPTransport`` over AsyncHTTPClient: one shared client with its own
/// connection pool, certificate verification on, redirects returned to the caller.
public final class AsyncHTTPTransport: HTTPTransport {
    /// How long connecting may take.
    public static let connectTimeout = TimeAmount.seconds(10)
    /// How long the server may stay silent while a response is read.
    public static let readTimeout = TimeAmount.seconds(120)

    private let client: HTTPClient

    public init() {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: Self.connectTimeout, read: Self.readTimeout)
        )
        // Failed connections are retried by the registry client's retry policy, not for up to the connect timeout here.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = request.method
        outgoing.headers = request.headers
        switch request.body {
        case nil:
            break
        case .bytes(let bytes):
            outgoing.body = .bytes(bytes)
        case .stream(let chunks, let length):
            outgoing.body = .stream(ByteBufferStream(chunks: chunks), length: .known(length))
        }
        // The body of a large blob may take long; stalls are caught by the read timeout.
        let response = try await client.execute(outgoing, deadline: .distantFuture)
        let body = response.body
        return HTTPResponse(
            status: Int(response.status.code), headers: response.headers,
            url: response.url ?? request.url,
            body: ByteChunks {
                let iterator = ResponseIterator(body.makeAsyncIterator())
                return { try await iterator.next() }
            })
    }

    public func shutdown() async throws {
        try await client.shutdown()
    }
}

/// ``ByteChunks`` as the `ByteBuffer` sequence AsyncHTTPClient uploads.
private struct ByteBufferStream: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let chunks: ByteChunks

    struct AsyncIterator: AsyncIteratorProtocol {
        var inner: ByteChunks.AsyncIterator
        mutating func next() async throws -> ByteBuffer? {
            try await inner.next().map { ByteBuffer(bytes: $0) }
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(inner: chunks.makeAsyncIterator()) }
}

/// Holds the response body iterator for the pull closure of ``ByteChunks``.
private final class ResponseIterator: @unchecked Sendable {
    // Iterators are used by one task at a time (AsyncIteratorProtocol), so no lock is needed.
    private var iterator: HTTPClientResponse.Body.AsyncIterator

    init(_ iterator: HTTPClientResponse.Body.AsyncIterator) { self.iterator = iterator }

    func next() async throws -> [UInt8]? {
        guard let buffer = try await iterator.next() else { return nil }
        return Array(buffer.readableBytesView)
    }
}
