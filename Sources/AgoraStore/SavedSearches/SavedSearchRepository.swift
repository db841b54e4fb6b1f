import AgoraDomain
import Foundation
import SQLKit

/// Saved searches, always read and written on behalf of their owner: another account's id finds nothing.
public struct SavedSearchRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    private static let columns: SQLQueryString = "id, user_id, name, query, alert, alert_checked_at, created_at, updated_at"

    public func list(userID: Int64) async throws -> [SavedSearch] {
        try await store.sql.raw("""
            SELECT \(Self.columns) FROM saved_searches WHERE user_id = \(bind: userID) ORDER BY created_at DESC, id DESC
            """).all().map(Self.savedSearch(from:))
    }

    public func find(_ id: Int64, userID: Int64) async throws -> SavedSearch? {
        try await store.sql.raw("""
            SELECT \(Self.columns) FROM saved_searches WHERE id = \(bind: id) AND user_id = \(bind: userID)
            """).first().map(Self.savedSearch(from:))
    }

    /// Saves a search; refuses (conflict) past `SavedSearchForm.maximumPerAccount`. The count and the insert run in
    /// one transaction, so two requests at once cannot pass the limit together.
    public func insert(_ form: SavedSearchForm, userID: Int64, now: Date) async throws -> SavedSearch {
        try await store.transaction { db in
            let count = try await db.raw("SELECT COUNT(*) AS n FROM saved_searches WHERE user_id = \(bind: userID)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            guard count < SavedSearchForm.maximumPerAccount else {
                throw StoreError.conflict("an account keeps at most \(SavedSearchForm.maximumPerAccount) saved searches: delete one first")
            }
            guard let row = try await db.raw("""
                INSERT INTO saved_searches (user_id, name, query, alert, alert_checked_at, created_at, updated_at)
                VALUES (\(bind: userID), \(bind: form.name), \(bind: form.query), \(bind: form.alert), \(bind: now), \(bind: now), \(bind: now))
                RETURNING \(Self.columns)
                """).first() else { throw StoreError.conflict("the search was not saved") }
            return try Self.savedSearch(from: row)
        }
    }

    /// Replaces a saved search's name, query and alert; nil when it is not the owner's. Turning the alert on
    /// starts counting new providers from now.
    public func update(_ id: Int64, userID: Int64, with form: SavedSearchForm, now: Date) async throws -> SavedSearch? {
        try await store.transaction { db in
            guard let current = try await db.raw("""
                SELECT \(Self.columns) FROM saved_searches WHERE id = \(bind: id) AND user_id = \(bind: userID)
                """).first().map(Self.savedSearch(from:)) else { return nil }
            let checked = form.alert && (!current.alert || form.query != current.query) ? now : current.alertCheckedAt
            return try await db.raw("""
                UPDATE saved_searches SET name = \(bind: form.name), query = \(bind: form.query), alert = \(bind: form.alert),
                    alert_checked_at = \(bind: checked), updated_at = \(bind: now)
                WHERE id = \(bind: id) AND user_id = \(bind: userID) RETURNING \(Self.columns)
                """).first().map(Self.savedSearch(from:))
        }
    }

    /// Deletes a saved search; false when it is not the owner's.
    public func delete(_ id: Int64, userID: Int64) async throws -> Bool {
        try await store.transaction { db in
            try await db.raw("""
                DELETE FROM saved_searches WHERE id = \(bind: id) AND user_id = \(bind: userID) RETURNING id
                """).first() != nil
        }
    }

    /// Saved searches with an alert last checked before `cutoff`, oldest first, with their owner's address.
    public func dueAlerts(checkedBefore cutoff: Date, limit: Int) async throws -> [(search: SavedSearch, email: String, firstName: String)] {
        try await store.sql.raw("""
            SELECT s.id, s.user_id, s.name, s.query, s.alert, s.alert_checked_at, s.created_at, s.updated_at, u.email, u.first_name
            FROM saved_searches s JOIN users u ON u.id = s.user_id
            WHERE s.alert = TRUE AND s.alert_checked_at < \(bind: cutoff) AND u.verification_status = \(state: VerificationStatus.verified)
            ORDER BY s.alert_checked_at, s.id LIMIT \(bind: limit)
            """).all().map { row in
            (try Self.savedSearch(from: row), try row.decode(column: "email", as: String.self), try row.decode(column: "first_name", as: String.self))
        }
    }

    /// Records that new providers up to `checkedAt` were reported, and queues the email in the same transaction.
    public func markAlerted(_ id: Int64, checkedAt: Date, email: NewOutboxEmail?) async throws {
        try await store.transaction { [store] db in
            try await db.raw("UPDATE saved_searches SET alert_checked_at = \(bind: checkedAt) WHERE id = \(bind: id)").run()
            if let email { try await EmailOutbox(store: store, on: db).enqueue(email, now: checkedAt) }
        }
    }

    static func savedSearch(from row: any SQLRow) throws -> SavedSearch {
        SavedSearch(
            id: try row.decode(column: "id", as: Int64.self),
            userID: try row.decode(column: "user_id", as: Int64.self),
            name: try row.decode(column: "name", as: String.self),
            query: try row.decode(column: "query", as: String.self),
            alert: try row.decode(column: "alert", as: Bool.self),
            alertCheckedAt: try row.decode(column: "alert_checked_at", as: Date.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self)
        )
    }
}
