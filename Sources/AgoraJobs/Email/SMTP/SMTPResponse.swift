import NIOCore

/// One reply of an SMTP server: its code and its text lines (several for a multi-line reply such as EHLO's).
struct SMTPResponse: Sendable, CustomStringConvertible {
    let code: Int
    let lines: [String]

    var description: String { "\(code) \(lines.joined(separator: " / "))" }
}

/// Splits the server's byte stream into replies: lines `NNN-text` continue a reply, `NNN text` ends it.
struct SMTPResponseDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPResponse
    private var pending: [String] = []

    /// A reply longer than this is not SMTP; the connection is dropped rather than buffered without end.
    static let maximumLineBytes = 4_096

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.maximumLineBytes { throw SMTPError.malformedReply("a line without end") }
            return .needMoreData
        }
        guard let raw = buffer.readBytes(length: newline - buffer.readerIndex + 1) else { return .needMoreData }
        let bytes = Array(raw.reversed().drop { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }.reversed())
        let line = String(decoding: bytes, as: UTF8.self)
        guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)) else {
            throw SMTPError.malformedReply(line)
        }
        let continues = bytes.count > 3 && bytes[3] == UInt8(ascii: "-")
        pending.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        if !continues {
            context.fireChannelRead(wrapInboundOut(SMTPResponse(code: code, lines: pending)))
            pending = []
        }
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}

/// Why a delivery over SMTP failed.
enum SMTPError: Error, CustomStringConvertible {
    case malformedReply(String)
    case unexpected(command: String, reply: SMTPResponse)
    case connectionClosed
    case timeout(String)
    case tlsRequired
    case noSupportedAuthentication

    var description: String {
        switch self {
        case .malformedReply(let line): "the server sent a malformed reply: \(line.prefix(80))"
        case .unexpected(let command, let reply): "the server answered \(command) with \(reply)"
        case .connectionClosed: "the server closed the connection"
        case .timeout(let step): "the server did not answer \(step) in time"
        case .tlsRequired: "the server does not offer STARTTLS, and neither the password nor the messages may travel in clear"
        case .noSupportedAuthentication: "the server offers neither AUTH PLAIN nor AUTH LOGIN"
        }
    }
}
