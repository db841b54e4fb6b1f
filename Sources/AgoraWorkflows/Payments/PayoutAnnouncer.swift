import AgoraDomain
import AgoraStore
import Foundation

/// What a provider is told about their payout account: a security notice (in the app and by email, whatever their
/// preferences) each time it is added or replaced, with the new account masked and the way back, since a changed
/// account is where someone who took over a session would send the money.
public struct PayoutAnnouncer: Sendable {
    let email: EmailComposer

    public init(email: EmailComposer) { self.email = email }

    public func accountChanged(_ holder: Recipient, _ account: PayoutAccount, replaced: Bool) throws -> Announcements {
        let kind = NotificationKind.payoutAccountChanged
        let message = try email.compose(kind.emailTemplate, to: holder.email, values: [
            "first_name": holder.firstName, "how": replaced ? "changed" : "added", "when": EmailComposer.moment(account.updatedAt),
            "holder_name": account.details.holderName, "iban_masked": account.details.maskedIBAN, "money_link": email.baseURL + PagePaths.money,
        ])
        return Announcements(notifications: [NewNotification(
            userID: holder.id, kind: kind, title: "Your payout account was \(replaced ? "changed" : "added")",
            message: "Payouts now go to \(account.details.maskedIBAN). If it was not you, change your password and the account at once.",
            link: PagePaths.money, email: message
        )])
    }
}
