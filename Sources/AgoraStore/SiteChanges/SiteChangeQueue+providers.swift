import AgoraDomain
import Foundation

extension SiteChangeQueue {
    /// Queues the public page of the account's provider profile, if it has one, in the caller's transaction: for
    /// changes to the account that the page shows (its standing, its name).
    static func enqueueProviderPage(of userID: Int64, reason: String, now: Date, in transaction: StoreTransaction, store: Store) async throws {
        try await enqueueProviderPages(of: [userID], reason: reason, now: now, in: transaction, store: store)
    }

    /// The same for many accounts at once (one statement to find their pages, one to queue them).
    static func enqueueProviderPages(of userIDs: [Int64], reason: String, now: Date, in transaction: StoreTransaction, store: Store) async throws {
        guard !userIDs.isEmpty else { return }
        let slugs = try await transaction.sql.raw("SELECT slug FROM user_profiles WHERE user_id IN (\(binds: userIDs)) ORDER BY user_id")
            .all().compactMap { try? Slug(try $0.decode(column: "slug", as: String.self)) }
        try await SiteChangeQueue(store: store, on: transaction.sql).enqueue(slugs.map(SiteChange.provider), reason: reason, now: now)
    }
}
