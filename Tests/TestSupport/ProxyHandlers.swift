import NIOCore
import NIOHTTP1
import NIOPosix

/// The client side of one proxied connection: takes requests, applies faults, and
/// forwards the rest to its own upstream connection (opened on the same event loop).
final class ProxyFrontHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let state: ProxyState
    private var context: ChannelHandlerContext?
    private var back: ProxyBackHandler?
    /// The canned answer for the request being read, which is not forwarded.
    private var cannedAnswer: CannedResponse?

    init(state: ProxyState) { self.state = state }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func channelActive(context: ChannelHandlerContext) {
        // Read nothing until the upstream connection is there.
        _ = context.channel.setOption(.autoRead, value: false)
        let back = ProxyBackHandler(front: self, state: state)
        self.back = back
        let bound = NIOLoopBound(back, eventLoop: context.eventLoop)
        ClientBootstrap(group: context.eventLoop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(bound.value)
                }
            }
            .connect(host: "127.0.0.1", port: state.upstreamPort)
            .assumeIsolated()
            .whenComplete { result in
                switch result {
                case .success: _ = context.channel.setOption(.autoRead, value: true)
                case .failure: context.close(promise: nil)
                }
            }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            switch state.fault(method: head.method.rawValue, uri: head.uri) {
            case .respond(let canned)?:
                cannedAnswer = canned
            case .resetResponseBody(let bytes)?:
                back?.resetAfter = bytes
                back?.forward(.head(head))
            case nil:
                back?.forward(.head(head))
            }
        case .body(let buffer):
            if cannedAnswer == nil { back?.forward(.body(.byteBuffer(buffer))) }
        case .end(let trailers):
            if let canned = cannedAnswer {
                cannedAnswer = nil
                for part in canned.parts() { context.write(wrapOutboundOut(part), promise: nil) }
                context.flush()
            } else {
                back?.forward(.end(trailers))
            }
        }
        if let back, !back.isWritable { _ = context.channel.setOption(.autoRead, value: false) }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        back?.flush()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { back?.resumeReading() }
    }

    func channelInactive(context: ChannelHandlerContext) {
        back?.close()
        back = nil
        self.context = nil
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    // MARK: called by the back handler

    var isWritable: Bool { context?.channel.isWritable ?? false }

    func forward(_ part: HTTPServerResponsePart) {
        context?.write(wrapOutboundOut(part), promise: nil)
    }

    func flush() { context?.flush() }

    func resumeReading() { _ = context?.channel.setOption(.autoRead, value: true) }

    func close() { context?.close(promise: nil) }
}

/// The registry side of one proxied connection: passes responses back, rewriting
/// absolute `Location` headers, and cuts the body short when a reset fault says so.
final class ProxyBackHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private weak var front: ProxyFrontHandler?
    private let state: ProxyState
    private var context: ChannelHandlerContext?
    /// For a reset fault: how many body bytes of the current response may still pass.
    var resetAfter: Int?

    init(front: ProxyFrontHandler, state: ProxyState) {
        self.front = front
        self.state = state
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let front else { return }
        switch unwrapInboundIn(data) {
        case .head(var head):
            if let location = head.headers.first(name: "Location") {
                head.headers.replaceOrAdd(name: "Location", value: state.rewriteLocation(location))
            }
            front.forward(.head(head))
        case .body(var buffer):
            if let allowed = resetAfter, buffer.readableBytes >= allowed {
                if let prefix = buffer.readSlice(length: allowed) { front.forward(.body(.byteBuffer(prefix))) }
                front.flush()
                front.close()
                context.close(promise: nil)
                return
            }
            resetAfter = resetAfter.map { $0 - buffer.readableBytes }
            front.forward(.body(.byteBuffer(buffer)))
        case .end(let trailers):
            resetAfter = nil
            front.forward(.end(trailers))
        }
        if !front.isWritable { _ = context.channel.setOption(.autoRead, value: false) }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        front?.flush()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { front?.resumeReading() }
    }

    func channelInactive(context: ChannelHandlerContext) {
        front?.close()
        self.context = nil
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    // MARK: called by the front handler

    var isWritable: Bool { context?.channel.isWritable ?? false }

    func forward(_ part: HTTPClientRequestPart) {
        context?.write(wrapOutboundOut(part), promise: nil)
    }

    func flush() { context?.flush() }

    func resumeReading() { _ = context?.channel.setOption(.autoRead, value: true) }

    func close() { context?.close(promise: nil) }
}
