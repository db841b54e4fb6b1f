import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation

/// The emails about an account (verification, reset, welcome, notices): rendered and queued in the change's own
/// transaction, with links to the site's pages.
struct AccountMail: Sendable {
    let store: Store
    let composer: EmailComposer
    let clock: any AgoraClock

    /// Renders an email to the account's owner and queues it in the transaction.
    func queue(_ template: String, to user: UserAccount, values: [String: String], in transaction: StoreTransaction) async throws {
        var all = values
        all["first_name"] = user.firstName
        let email = try composer.compose(template, to: user.email.value, values: all)
        try await EmailOutbox(store: store, in: transaction).enqueue(email, now: clock.now)
    }

    /// A security notice (a kind of `accountSecurity`): a notification in the app and its email, in the transaction.
    /// Critical, so no preference or quiet hours hold it back. The email may carry what the notification must not (a
    /// one-time sign-in link); the notification links to a page of the site.
    func notify(
        _ kind: NotificationKind, to user: UserAccount, title: String, message: String, link: String, values: [String: String],
        in transaction: StoreTransaction
    ) async throws {
        var all = values
        all["first_name"] = user.firstName
        let email = try composer.compose(kind.emailTemplate, to: user.email.value, values: all)
        let notification = NewNotification(userID: user.id, kind: kind, title: title, message: message, link: link, email: email)
        try await NotificationRepository(store: store).write(Announcements(notifications: [notification]), in: transaction, now: clock.now)
    }

    /// Queues a notice that the platform kept the account out or let it back in, in the transaction.
    func queue(_ notice: AccountNotice, to user: UserAccount, in transaction: StoreTransaction) async throws {
        try await EmailOutbox(store: store, in: transaction).enqueue(AccountNotices(composer: composer).email(notice, to: user), now: clock.now)
    }

    /// A link to a page of the site, with query items.
    func link(_ path: String, _ query: [String: String] = [:]) -> String {
        var components = URLComponents(string: composer.baseURL + path)
        if !query.isEmpty { components?.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) } }
        return components?.string ?? composer.baseURL + path
    }
}
