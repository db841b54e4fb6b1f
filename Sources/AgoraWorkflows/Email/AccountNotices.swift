import AgoraDomain
import AgoraStore
import Foundation

/// The emails that tell an account's owner the platform kept it out or let it back in: one wording whether support
/// changed one account or a bulk operation changed thousands.
public struct AccountNotices: Sendable {
    let composer: EmailComposer

    public init(composer: EmailComposer) {
        self.composer = composer
    }

    /// The notice's email to the account's owner.
    public func email(_ notice: AccountNotice, to user: UserAccount) throws -> NewOutboxEmail {
        switch notice {
        case .keptOut(let suspension):
            let until = suspension.endsAt.map { " until " + EmailComposer.moment($0) } ?? ""
            return try composer.compose("account-suspended", to: user.email.value, values: [
                "first_name": user.firstName, "status": suspension.kind == .ban ? "closed" : "suspended", "until": until,
                "reason": suspension.reason,
            ])
        case .letBackIn:
            return try composer.compose("account-restored", to: user.email.value, values: [
                "first_name": user.firstName, "link": composer.baseURL + PagePaths.login,
            ])
        }
    }
}
