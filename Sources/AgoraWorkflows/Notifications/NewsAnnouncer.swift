import AgoraDomain
import AgoraStore
import Foundation

/// Words for marketplace news: the email of a member who asked for news by email, optional mail with its one-click
/// unsubscribe, linking to the page the news is about (or the notifications page).
public struct NewsAnnouncer: Sendable {
    let email: EmailComposer

    public init(email: EmailComposer) { self.email = email }

    public func email(_ draft: AnnouncementDraft, to person: Recipient) throws -> NewOutboxEmail {
        try email.compose(NotificationKind.marketplaceNews.emailTemplate, to: person.email, values: [
            "first_name": person.firstName, "headline": draft.title, "message": draft.message, "action": "Read more",
            "link": email.baseURL + (draft.link ?? PagePaths.notifications),
        ], kind: .notification(.marketplaceNews))
    }
}
