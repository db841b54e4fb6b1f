import AgoraDomain
import Foundation

/// A notification to write beside the change that causes it, with the email it becomes when the person wants it by
/// email (the writer follows their `NotificationPreferences`).
public struct NewNotification: Sendable {
    public let userID: Int64
    /// What kind of event it reports.
    public let kind: NotificationKind
    public let title: String
    public let message: String
    /// The page it is about, site-relative.
    public let link: String?
    /// Its email, written with the kind's template; nil for one that is never emailed.
    public var email: NewOutboxEmail?
    /// The run it belongs to, if it collapses with others of it (`NotificationBurst`); its `title` is then the run's
    /// title for one event.
    public let burst: NotificationBurst?
    /// What the person can act on from the bell's list (`NotificationKind.actions(about:)`).
    public let subject: NotificationSubject?

    public init(
        userID: Int64, kind: NotificationKind, title: String, message: String, link: String?, email: NewOutboxEmail?,
        burst: NotificationBurst? = nil, subject: NotificationSubject? = nil
    ) {
        self.subject = subject
        self.userID = userID
        self.kind = kind
        self.title = title
        self.message = message
        self.link = link
        self.email = email
        self.burst = burst
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
    public let archivedAt: Date?
    public let createdAt: Date
    /// The run it stands for (`NotificationBurst.key`), and how many events it counts (1 for any other).
    public let burstKey: String?
    public let burstCount: Int
    public let subject: NotificationSubject?

    /// What the bell offers to do with it.
    public var actions: [NotificationAction] { kind.actions(about: subject) }
}
