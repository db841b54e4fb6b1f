import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// One conversation with an SMTP server: commands go out one at a time and each waits for its reply, within a
/// time limit. TLS is added in place after STARTTLS, or from the start for implicit TLS (`smtps://`).
final class SMTPConnection: Sendable {
    private let channel: any Channel
    private let replies: NIOLoopBound<SMTPReplyHandler>
    private let timeout: TimeAmount

    private init(channel: any Channel, replies: NIOLoopBound<SMTPReplyHandler>, timeout: TimeAmount) {
        self.channel = channel
        self.replies = replies
        self.timeout = timeout
    }

    static func open(
        host: String, port: Int, implicitTLS: NIOSSLContext?, timeout: TimeAmount,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> SMTPConnection {
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: implicitTLS, serverHostname: Self.sniName(host)))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPResponseDecoder()))
                    try channel.pipeline.syncOperations.addHandler(SMTPReplyHandler())
                }
            }
            .connect(host: host, port: port)
            .get()
        let handler = try await channel.eventLoop.submit {
            NIOLoopBound(try channel.pipeline.syncOperations.handler(type: SMTPReplyHandler.self), eventLoop: channel.eventLoop)
        }.get()
        return SMTPConnection(channel: channel, replies: handler, timeout: timeout)
    }

    /// The next reply from the server, e.g. the greeting.
    func reply(to step: String) async throws -> SMTPResponse {
        let replies = self.replies
        let timeout = self.timeout
        let channel = self.channel
        return try await channel.eventLoop.flatSubmit {
            let future = replies.value.next(on: channel.eventLoop)
            let timer = channel.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
            future.whenComplete { _ in timer.cancel() }
            return future
        }.get()
    }

    /// Sends one command line and returns the reply; throws unless the reply code is one of `expecting`.
    /// `shown` is how the command appears in errors (never a password).
    @discardableResult
    func send(_ line: String, expecting: Set<Int>, shown: String? = nil) async throws -> SMTPResponse {
        try await channel.writeAndFlush(ByteBuffer(string: line + "\r\n"))
        return try await expect(expecting, from: shown ?? line)
    }

    /// Sends raw data (the message, dot-stuffed, with its end marker) and checks the reply.
    func sendData(_ data: String, expecting: Set<Int>) async throws {
        try await channel.writeAndFlush(ByteBuffer(string: data))
        try await expect(expecting, from: "the message")
    }

    @discardableResult
    func expect(_ codes: Set<Int>, from step: String) async throws -> SMTPResponse {
        let reply: SMTPResponse
        do {
            reply = try await self.reply(to: step)
        } catch SMTPError.connectionClosed {
            throw SMTPError.timeout(step)
        }
        guard codes.contains(reply.code) else { throw SMTPError.unexpected(command: step, reply: reply) }
        return reply
    }

    /// Puts TLS under the conversation, after the server agreed to STARTTLS.
    func startTLS(context: NIOSSLContext, host: String) async throws {
        let channel = self.channel
        try await channel.eventLoop.submit {
            let handler = try NIOSSLClientHandler(context: context, serverHostname: Self.sniName(host))
            try channel.pipeline.syncOperations.addHandler(handler, position: .first)
        }.get()
    }

    func close() async {
        try? await channel.close()
    }

    /// SNI carries host names only, never IP addresses.
    private static func sniName(_ host: String) -> String? {
        host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" } ? nil : host
    }
}
