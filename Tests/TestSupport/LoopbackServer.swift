import NIOCore
import NIOPosix

/// Binds a TCP server on a loopback address (`127.0.0.1` unless told; all of
/// 127.0.0.0/8 is loopback on Linux) with a free port, or on a Unix socket,
/// setting up each connection with `initialize`.
enum LoopbackServer {
    /// Where a server listens.
    enum Address {
        /// A loopback IP address; the port is chosen by the system.
        case host(String)
        /// A Unix domain socket at this path.
        case unixSocket(String)
    }

    static func bind(
        _ address: Address = .host("127.0.0.1"), _ initialize: @escaping @Sendable (any Channel) -> EventLoopFuture<Void>
    ) async throws -> (channel: any Channel, port: Int) {
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer(initialize)
        switch address {
        case .host(let host):
            let channel = try await bootstrap.bind(host: host, port: 0).get()
            guard let port = channel.localAddress?.port else { throw LoopbackServerError() }
            return (channel, port)
        case .unixSocket(let path):
            return (try await bootstrap.bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true).get(), 0)
        }
    }
}

struct LoopbackServerError: Error, CustomStringConvertible {
    var description: String { "the loopback server has no port" }
}
