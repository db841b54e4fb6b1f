import AgoraDomain
import AgoraStore

extension EmailComposer {
    /// A notification for a person, with its email written from the kind's template: the one way announcers tell
    /// someone something; whether the email leaves is the person's choice (`NotificationPreferences`).
    func notification(
        to person: Recipient, kind: NotificationKind, headline: String, message: String, action: String, link: String,
        burst: NotificationBurst? = nil
    ) throws -> NewNotification {
        let email = try compose(kind.emailTemplate, to: person.email, values: [
            "first_name": person.firstName, "headline": headline, "message": message, "action": action, "link": baseURL + link,
        ])
        return NewNotification(userID: person.id, kind: kind, title: headline, message: message, link: link, email: email, burst: burst)
    }
}
