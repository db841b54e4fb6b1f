import AgoraDomain
import Foundation

/// An in-app notification to write beside the change that causes it.
public struct NewNotification: Sendable, Hashable {
    public let userID: Int64
    /// What kind of event it reports.
    public let kind: NotificationKind
    public let title: String
    public let message: String
    /// The page it is about, site-relative.
    public let link: String?

    public init(userID: Int64, kind: NotificationKind, title: String, message: String, link: String?) {
        self.userID = userID
        self.kind = kind
        self.title = title
        self.message = message
        self.link = link
    }
}

/// A stored notification.
public struct Notification: Sendable, Hashable {
    public let id: Int64
    public let kind: NotificationKind
    public let title: String
    public let message: String
    public let link: String?
    public let readAt: Date?
    public let createdAt: Date
}
