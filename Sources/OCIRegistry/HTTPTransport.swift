import Foundation
import NIOHTTP1
import OCIModel

/// Sends one HTTP request and returns the answer with its body still streaming.
///
/// The registry client only talks to the network through this protocol, so tests
/// can put a scripted transport in its place; ``AsyncHTTPTransport`` is the real one.
/// A transport never follows redirects: its callers do
/// (``followRedirects(_:preparing:)``), deciding at every hop which headers go along,
/// so credentials reach no origin but their own.
public protocol HTTPTransport: Sendable {
    /// Sends `request` once, as it is; a redirect (3xx) is returned like any other
    /// answer. The response body is read by the caller.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse

    /// Releases connections and threads; the transport cannot be used afterwards.
    func shutdown() async throws
}

/// One HTTP request as the registry client builds it.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    public var url: URL
    public var headers: HTTPHeaders
    public var body: RequestBody?

    public init(method: HTTPMethod, url: URL, headers: HTTPHeaders = [:], body: RequestBody? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// A request body. Both forms can be sent again: a ``ByteChunks`` stream starts a
/// new pass over its content each time it is iterated.
public enum RequestBody: Sendable {
    /// Bytes in memory (manifests, token requests).
    case bytes([UInt8])
    /// A stream of exactly `length` bytes (blob uploads).
    case stream(ByteChunks, length: Int64)
}

/// An HTTP response whose body has not been read yet.
public struct HTTPResponse: Sendable {
    /// The status code.
    public var status: Int
    public var headers: HTTPHeaders
    /// The URL that answered (after redirects, when the caller followed them).
    public var url: URL
    /// The body; it can be iterated once.
    public var body: ByteChunks

    public init(status: Int, headers: HTTPHeaders, url: URL, body: ByteChunks) {
        self.status = status
        self.headers = headers
        self.url = url
        self.body = body
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? { headers.first(name: name) }
}
