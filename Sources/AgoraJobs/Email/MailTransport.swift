import AgoraStore

/// Something that hands a message to the world: a directory of `.eml` files, an SMTP server, an HTTP API.
/// Throwing means "not delivered, try again later"; the worker decides when.
public protocol MailTransport: Sendable {
    func deliver(_ message: MIMEMessage) async throws
}

/// A delivery the receiving service refused, with its answer.
public struct MailDeliveryError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
