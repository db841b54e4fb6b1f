import Foundation

/// A run of like events that reaches a person as one notification: while the last notification of the run is unread
/// (or the person keeps such notifications out of the app) and younger than the window, the next event of the run
/// replaces it with one that counts them all — "Ana sent 10 messages in Logo redesign" — and sends no email of its
/// own. The window is the setting `notifications.burst-window-minutes`.
public struct NotificationBurst: Sendable, Hashable {
    /// What the events of a run have in common.
    public enum Subject: Sendable, Hashable {
        /// Messages one member sent in a project's room.
        case messages(projectID: Int64, projectTitle: String, senderID: Int64, senderName: String)
    }

    public static let standardWindowMinutes = 10

    public let subject: Subject
    /// How long after the run's latest event the next one still joins it.
    public let window: TimeInterval

    public init(_ subject: Subject, window: TimeInterval) {
        self.subject = subject
        self.window = window
    }

    /// What identifies the run among a person's notifications.
    public var key: String {
        switch subject {
        case .messages(let projectID, _, let senderID, _): "messages:\(projectID):\(senderID)"
        }
    }

    /// The title of the notification that stands for `count` events.
    public func title(count: Int) -> String {
        switch subject {
        case .messages(_, let projectTitle, _, let senderName):
            count == 1 ? "\(senderName) sent a message in \(projectTitle)" : "\(senderName) sent \(count) messages in \(projectTitle)"
        }
    }
}
