import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A loopback HTTP/1.1 server answering every request with what a script says,
/// recording the requests. For protocol corners the real registry does not have
/// (bearer tokens, the OCI 1.1 referrers API, hostile answers).
public final class ScriptedHTTPServer: Sendable {
    /// A request as the server received it.
    public struct Request: Sendable {
        public var method: String
        public var uri: String
        public var headers: HTTPHeaders
        public var body: [UInt8]

        /// The path without the query.
        public var path: String { String(uri.split(separator: "?", maxSplits: 1).first ?? "") }
        /// The first value of header `name`.
        public func header(_ name: String) -> String? { headers.first(name: name) }
    }

    /// Answers a request; `port` is the server's own, for absolute URLs.
    public typealias Script = @Sendable (_ request: Request, _ port: Int) -> CannedResponse

    public let port: Int
    /// The loopback address it listens on (empty for a Unix socket).
    public let host: String
    private let channel: any Channel
    private let shared: Shared

    /// Starts a server on `host` (a loopback address such as `127.0.0.2`, for a
    /// second origin) that answers with `script`.
    public convenience init(host: String = "127.0.0.1", _ script: @escaping Script) async throws {
        try await self.init(.host(host), script)
    }

    /// Starts a server on the Unix socket at `path` that answers with `script` (its `port` is 0).
    public convenience init(unixSocket path: String, _ script: @escaping Script) async throws {
        try await self.init(.unixSocket(path), script)
    }

    private init(_ address: LoopbackServer.Address, _ script: @escaping Script) async throws {
        let shared = Shared()
        let (channel, bound) = try await LoopbackServer.bind(address) { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: false)
                try channel.pipeline.syncOperations.addHandler(Handler { request in
                    shared.log.withLock { $0.append(request) }
                    return script(request, shared.port.withLock { $0 })
                })
            }
        }
        shared.port.withLock { $0 = bound }
        self.channel = channel
        self.port = bound
        if case .host(let host) = address { self.host = host } else { host = "" }
        self.shared = shared
    }

    private final class Shared: Sendable {
        let log = Mutex<[Request]>([])
        let port = Mutex(0)
    }

    /// `<host>:<port>`, e.g. `127.0.0.1:5000`.
    public var address: String { "\(host):\(port)" }

    /// Every request received so far.
    public var requests: [Request] { shared.log.withLock { $0 } }

    /// How many requests had a path containing `fragment`.
    public func count(pathContains fragment: String) -> Int {
        requests.filter { $0.path.contains(fragment) }.count
    }

    public func stop() async throws {
        try await channel.close()
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        private let answer: @Sendable (Request) -> CannedResponse
        private var request: Request?

        init(_ answer: @escaping @Sendable (Request) -> CannedResponse) { self.answer = answer }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                request = Request(method: head.method.rawValue, uri: head.uri, headers: head.headers, body: [])
            case .body(let buffer):
                request?.body += buffer.readableBytesView
            case .end:
                guard let request else { return }
                self.request = nil
                for part in answer(request).parts() { context.write(wrapOutboundOut(part), promise: nil) }
                context.flush()
            }
        }
    }
}
