import AgoraDomain
import Foundation

/// A rendered email waiting in (or gone through) the outbox.
public struct OutboxEmail: Sendable, Hashable {
    public enum Status: String, Sendable, Codable {
        case pending, sending, sent, failed
    }

    public let id: Int64
    /// The `Message-ID` header's value, stable across retries so a receiver can drop a duplicate.
    public let messageID: String
    public let recipient: String
    public let subject: String
    /// The name of the template it was rendered from (`verification`), for logs and tests.
    public let template: String
    public let textBody: String
    public let htmlBody: String
    /// Extra headers, such as `List-Unsubscribe`.
    public let headers: [String: String]
    /// What its one-click unsubscribe stops, for optional mail: the worker does not send it once the recipient
    /// stopped that. Nil for transactional mail.
    public let unsubscribeScope: UnsubscribeScope?
    public let status: Status
    public let attempts: Int
    public let lastError: String?
    public let createdAt: Date
    public let sentAt: Date?
    /// An iCalendar object it carries (an invitation, its change or its cancellation), sent beside the text and HTML.
    public var calendar: String? = nil
}

/// A rendered email to queue; the outbox assigns the rest.
public struct NewOutboxEmail: Sendable {
    public let messageID: String
    public let recipient: String
    public let subject: String
    public let template: String
    public let textBody: String
    public let htmlBody: String
    public let headers: [String: String]
    /// When it may leave; nil: at once. Quiet hours set it to their end.
    public var sendAt: Date?
    /// What its one-click unsubscribe stops, for optional mail (`OutboxEmail.unsubscribeScope`).
    public var unsubscribeScope: UnsubscribeScope?
    /// An iCalendar object to send with it (`OutboxEmail.calendar`).
    public var calendar: String?

    public init(
        messageID: String, recipient: String, subject: String, template: String, textBody: String, htmlBody: String,
        headers: [String: String] = [:]
    ) {
        self.messageID = messageID
        self.recipient = recipient
        self.subject = subject
        self.template = template
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.headers = headers
    }
}
