import AgoraDomain
import Foundation

extension SiteChangeQueue {
    /// Queues the public page of the account's provider profile, if it has one, in the caller's transaction: for
    /// changes to the account that the page shows (its standing, its name).
    static func enqueueProviderPage(of userID: Int64, reason: String, now: Date, in transaction: StoreTransaction, store: Store) async throws {
        guard let row = try await transaction.sql.raw("SELECT slug FROM user_profiles WHERE user_id = \(bind: userID)").first(),
              let slug = try? Slug(try row.decode(column: "slug", as: String.self))
        else { return }
        try await SiteChangeQueue(store: store, on: transaction.sql).enqueue([.provider(slug)], reason: reason, now: now)
    }
}
