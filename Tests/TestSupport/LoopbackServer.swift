import NIOCore
import NIOPosix

/// Binds a TCP server on 127.0.0.1 with a free port, setting up each connection with `initialize`.
enum LoopbackServer {
    static func bind(
        _ initialize: @escaping @Sendable (any Channel) -> EventLoopFuture<Void>
    ) async throws -> (channel: any Channel, port: Int) {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer(initialize)
            .bind(host: "127.0.0.1", port: 0)
            .get()
        guard let port = channel.localAddress?.port else { throw LoopbackServerError() }
        return (channel, port)
    }
}

struct LoopbackServerError: Error, CustomStringConvertible {
    var description: String { "the loopback server has no port" }
}
