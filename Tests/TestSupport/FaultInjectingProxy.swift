import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A loopback HTTP/1.1 reverse proxy in front of a registry that injects faults
/// from a script (``FaultRule``) and forwards everything else unchanged, streaming
/// with backpressure (memory stays bounded for blobs of any size). The only
/// rewrite: absolute `Location` headers naming the registry name the proxy instead.
/// It counts requests so tests can prove that retries happened.
public final class FaultInjectingProxy: Sendable {
    /// A request the proxy received.
    public struct Record: Sendable {
        public var method: String
        public var uri: String
        /// Whether a fault was injected into it.
        public var injected: Bool
    }

    public let port: Int
    private let channel: any Channel
    private let state: ProxyState

    /// Starts a proxy for the registry at `127.0.0.1:upstreamPort` with the faults of `plan`.
    public init(upstreamPort: Int, plan: [FaultRule]) async throws {
        let state = ProxyState(plan: plan, upstreamPort: upstreamPort)
        let (channel, port) = try await LoopbackServer.bind { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                    withPipeliningAssistance: false, withErrorHandling: false)
                try channel.pipeline.syncOperations.addHandler(ProxyFrontHandler(state: state))
            }
        }
        state.setProxyPort(port)
        self.channel = channel
        self.port = port
        self.state = state
    }

    /// `127.0.0.1:<port>`, the registry address to give clients.
    public var address: String { "127.0.0.1:\(port)" }

    /// Every request received so far, in order.
    public var records: [Record] { state.records }

    /// How many requests (injected or forwarded) matched `method` and `pathContains`.
    public func count(method: String? = nil, pathContains: String) -> Int {
        records.filter { (method == nil || $0.method == method) && $0.uri.contains(pathContains) }.count
    }

    /// How many faults were injected.
    public var injectedCount: Int { records.filter(\.injected).count }

    public func stop() async throws {
        try await channel.close()
    }
}

/// The plan and the log, shared by all connections.
final class ProxyState: Sendable {
    let upstreamPort: Int
    private let plan: Mutex<[FaultRule]>
    private let log = Mutex<[FaultInjectingProxy.Record]>([])
    private let proxyPort = Mutex(0)

    init(plan: [FaultRule], upstreamPort: Int) {
        self.plan = Mutex(plan)
        self.upstreamPort = upstreamPort
    }

    func setProxyPort(_ port: Int) { proxyPort.withLock { $0 = port } }

    var records: [FaultInjectingProxy.Record] { log.withLock { $0 } }

    /// The fault for this request, if a rule with budget left matches (using up one of its times); logs the request.
    func fault(method: String, uri: String) -> FaultRule.Fault? {
        let fault: FaultRule.Fault? = plan.withLock { rules in
            guard let index = rules.firstIndex(where: { $0.matches(method: method, uri: uri) }) else { return nil }
            rules[index].times -= 1
            return rules[index].fault
        }
        log.withLock { $0.append(.init(method: method, uri: uri, injected: fault != nil)) }
        return fault
    }

    /// A `Location` naming the registry rewritten to name the proxy.
    func rewriteLocation(_ value: String) -> String {
        let port = proxyPort.withLock { $0 }
        var result = value
        for host in ["127.0.0.1", "localhost"] {
            result = result.replacingOccurrences(of: "://\(host):\(upstreamPort)/", with: "://127.0.0.1:\(port)/")
        }
        return result
    }
}
