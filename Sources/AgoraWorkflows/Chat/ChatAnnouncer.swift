import AgoraDomain
import AgoraStore
import Foundation

/// Words for new messages in a project's room: the other member's notification, linking to the project, one per
/// burst (`NotificationBurst`: "Ana sent 10 messages in Logo redesign") with one email for the burst. The message's
/// text is in neither: it is sealed in the store and stays in the room.
public struct ChatAnnouncer: Sendable {
    let email: EmailComposer

    public init(email: EmailComposer) { self.email = email }

    /// `burstWindow`: the setting `notifications.burst-window-minutes`.
    public func message(_ posted: MessagePosted, burstWindow: TimeInterval) throws -> Announcements {
        guard let recipient = posted.recipient, !posted.message.moderationHold else { return .none }
        let burst = NotificationBurst(
            .messages(projectID: posted.projectID, projectTitle: posted.projectTitle, senderID: posted.sender.id, senderName: posted.sender.firstName),
            window: burstWindow
        )
        return Announcements(notifications: [
            try email.notification(
                to: recipient, kind: .messageReceived, headline: burst.title(count: 1),
                message: "Open the project to read it and answer; the conversation stays in its room.", action: "Open the conversation",
                link: PagePaths.project(posted.projectID), burst: burst, subject: .project(posted.projectID)
            ),
        ])
    }
}
