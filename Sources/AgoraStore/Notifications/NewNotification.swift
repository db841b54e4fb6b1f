import Foundation

/// An in-app notification to write beside the change that causes it.
public struct NewNotification: Sendable, Hashable {
    public let userID: Int64
    /// What kind of event it reports (`order_created`, `proposal_received`), for filtering and icons.
    public let type: String
    public let title: String
    public let message: String
    /// The page it is about, site-relative.
    public let link: String?

    public init(userID: Int64, type: String, title: String, message: String, link: String?) {
        self.userID = userID
        self.type = type
        self.title = title
        self.message = message
        self.link = link
    }
}

/// A stored notification.
public struct Notification: Sendable, Hashable {
    public let id: Int64
    public let type: String
    public let title: String
    public let message: String
    public let link: String?
    public let readAt: Date?
    public let createdAt: Date
}

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
