import AgoraDomain
import AgoraStore

extension EmailComposer {
    /// A notification for a person, with its email written from the kind's template: the one way announcers tell
    /// someone something; whether the email leaves is the person's choice (`NotificationPreferences`), and unless
    /// the kind is critical the email carries a one-click unsubscribe from its category's emails.
    func notification(
        to person: Recipient, kind: NotificationKind, headline: String, message: String, action: String, link: String,
        burst: NotificationBurst? = nil, subject: NotificationSubject? = nil
    ) throws -> NewNotification {
        let email = try compose(kind.emailTemplate, to: person.email, values: [
            "first_name": person.firstName, "headline": headline, "message": message, "action": action, "link": baseURL + link,
        ], kind: .notification(kind))
        return NewNotification(userID: person.id, kind: kind, title: headline, message: message, link: link, email: email, burst: burst, subject: subject)
    }
}

extension EmailComposer.Kind {
    /// A notification's email: a security notice always leaves; any other can be stopped for its category.
    static func notification(_ kind: NotificationKind) -> Self {
        kind.isCritical ? .transactional : .optional(.category(kind.category))
    }
}
