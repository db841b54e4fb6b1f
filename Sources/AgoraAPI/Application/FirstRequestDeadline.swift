import HummingbirdCore
import Logging
import NIOCore

/// Closes a connection whose first request head has not arrived within `timeout`, as slowloris connections never
/// finish theirs. The server takes WebSocket upgrades, and that pipeline installs its idle handling only once a
/// request head has been read; this handler covers the time before, then steps aside: the HTTP pipeline's idle
/// handling, or the WebSocket's pings, take over.
final class FirstRequestDeadline: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let timeout: TimeAmount
    private var timer: Scheduled<Void>?
    /// The last bytes read, to find the blank line that ends a head split across reads.
    private var tail: [UInt8] = []

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        timer = context.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        tail = Array((tail + buffer.readableBytesView).suffix(buffer.readableBytes + 3))
        let headEnded = tail.count >= 4 && (0...(tail.count - 4)).contains { tail[$0..<$0 + 4].elementsEqual([13, 10, 13, 10]) }
        tail = Array(tail.suffix(3))
        context.fireChannelRead(data)
        if headEnded {
            timer?.cancel()
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        }
    }
}

/// A server child channel with a `FirstRequestDeadline` in front of its pipeline.
struct DeadlinedChildChannel<Base: ServerChildChannel>: ServerChildChannel {
    typealias Value = Base.Value

    let base: Base
    let timeout: TimeAmount

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(FirstRequestDeadline(timeout: timeout), position: .first)
        }.flatMap { base.setup(channel: channel, logger: logger) }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}
