import AgoraDomain
import AgoraStore
import Foundation

/// What a provider is told about their payout account: an email each time it is added or replaced, with the new
/// account masked and the way back, since a changed account is where someone who took over a session would send the
/// money.
public struct PayoutAnnouncer: Sendable {
    let email: EmailComposer

    public init(email: EmailComposer) { self.email = email }

    public func accountChanged(_ holder: Recipient, _ account: PayoutAccount, replaced: Bool) throws -> Announcements {
        Announcements(emails: [try email.compose("payout-account-changed", to: holder.email, values: [
            "first_name": holder.firstName, "how": replaced ? "changed" : "added", "when": EmailComposer.moment(account.updatedAt),
            "holder_name": account.details.holderName, "iban_masked": account.details.maskedIBAN, "money_link": email.baseURL + PagePaths.money,
        ])])
    }
}
