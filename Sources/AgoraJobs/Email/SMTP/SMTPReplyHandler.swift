import NIOCore

/// Hands each reply to the command waiting for it, in order. The greeting arrives before anyone asks, so replies
/// that come early wait in a queue.
final class SMTPReplyHandler: ChannelInboundHandler {
    typealias InboundIn = SMTPResponse

    private var waiting = CircularBuffer<EventLoopPromise<SMTPResponse>>()
    private var early = CircularBuffer<SMTPResponse>()
    private var failure: (any Error)?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let reply = unwrapInboundIn(data)
        if let promise = waiting.popFirst() {
            promise.succeed(reply)
        } else {
            early.append(reply)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(SMTPError.connectionClosed)
        context.fireChannelInactive()
    }

    /// The next reply; call on the channel's event loop.
    func next(on eventLoop: any EventLoop) -> EventLoopFuture<SMTPResponse> {
        if let reply = early.popFirst() { return eventLoop.makeSucceededFuture(reply) }
        if let failure { return eventLoop.makeFailedFuture(failure) }
        let promise = eventLoop.makePromise(of: SMTPResponse.self)
        waiting.append(promise)
        return promise.futureResult
    }

    private func fail(_ error: any Error) {
        if failure == nil { failure = error }
        while let promise = waiting.popFirst() { promise.fail(error) }
    }
}
