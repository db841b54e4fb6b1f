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

    /// A moment as the emails write it: `12 December 2026 at 10:00 UTC`.
    static func moment(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMMM yyyy 'at' HH:mm 'UTC'"
        return formatter.string(from: date)
    }

    /// A link to a page of the site, with query items.
    func link(_ path: String, _ query: [String: String] = [:]) -> String {
        var components = URLComponents(string: composer.baseURL + path)
        if !query.isEmpty { components?.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) } }
        return components?.string ?? composer.baseURL + path
    }
}
