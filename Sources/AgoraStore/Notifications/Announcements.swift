import Foundation

/// The emails and in-app notifications a change causes, written in the change's own transaction: committed
/// together with it, or not at all.
public struct Announcements: Sendable {
    public var emails: [NewOutboxEmail]
    public var notifications: [NewNotification]

    public init(emails: [NewOutboxEmail] = [], notifications: [NewNotification] = []) {
        self.emails = emails
        self.notifications = notifications
    }

    public static let none = Announcements()

    public static func + (left: Announcements, right: Announcements) -> Announcements {
        Announcements(emails: left.emails + right.emails, notifications: left.notifications + right.notifications)
    }
}

/// Someone an announcement goes to.
public struct Recipient: Sendable, Hashable {
    public let id: Int64
    public let email: String
    public let firstName: String
}
