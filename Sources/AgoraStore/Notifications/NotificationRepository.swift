import AgoraDomain
import Foundation
import SQLKit

/// In-app notifications, read and marked on behalf of their owner; written with `Announcements`.
public struct NotificationRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// The latest notifications of one account, newest first, and how many are unread. A notification of a kind
    /// this version does not know (written by a newer one during an upgrade) is left out until it does.
    public func list(userID: Int64, limit: Int) async throws -> (notifications: [Notification], unread: Int) {
        let rows = try await store.sql.raw("""
            SELECT id, type, title, message, link, read_at, created_at FROM notifications WHERE user_id = \(bind: userID)
            ORDER BY created_at DESC, id DESC LIMIT \(bind: limit)
            """).all()
        let unread = try await store.sql.raw("""
            SELECT COUNT(*) AS n FROM notifications WHERE user_id = \(bind: userID) AND read_at IS NULL
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        return (try rows.compactMap { row in
            guard let kind = NotificationKind(rawValue: try row.decode(column: "type", as: String.self)) else { return nil }
            return Notification(
                id: try row.decode(column: "id", as: Int64.self),
                kind: kind,
                title: try row.decode(column: "title", as: String.self),
                message: try row.decode(column: "message", as: String.self),
                link: try row.decodeIfPresent(column: "link", as: String.self),
                readAt: try row.decodeIfPresent(column: "read_at", as: Date.self),
                createdAt: try row.decode(column: "created_at", as: Date.self)
            )
        }, unread)
    }

    /// Marks every notification of the account up to `id` read; returns how many changed.
    public func markRead(userID: Int64, upTo id: Int64, now: Date) async throws -> Int {
        try await store.transaction { db in
            try await db.raw("""
                UPDATE notifications SET read_at = \(bind: now)
                WHERE user_id = \(bind: userID) AND id <= \(bind: id) AND read_at IS NULL RETURNING id
                """).all().count
        }
    }

    /// Writes announcements on a connection inside the caller's transaction: one statement for the notifications,
    /// one for the emails.
    static func write(_ announcements: Announcements, store: Store, on db: any SQLDatabase, now: Date) async throws {
        if !announcements.notifications.isEmpty {
            let rows = announcements.notifications.map { notification -> SQLQueryString in
                """
                (\(bind: notification.userID), \(bind: notification.kind.rawValue), \(bind: notification.title),
                 \(bind: notification.message), \(bind: notification.link), \(bind: now))
                """
            }
            try await db.raw("""
                INSERT INTO notifications (user_id, type, title, message, link, created_at) VALUES \(rows.joined(separator: ", "))
                """).run()
        }
        try await EmailOutbox(store: store, on: db).enqueue(announcements.emails, now: now)
    }

    /// The people with these ids, for addressing announcements.
    static func recipients(_ ids: [Int64], on db: any SQLDatabase) async throws -> [Int64: Recipient] {
        guard !ids.isEmpty else { return [:] }
        var found: [Int64: Recipient] = [:]
        for row in try await db.raw("SELECT id, email, first_name FROM users WHERE id IN (\(binds: Set(ids).sorted()))").all() {
            let id = try row.decode(column: "id", as: Int64.self)
            found[id] = Recipient(id: id, email: try row.decode(column: "email", as: String.self), firstName: try row.decode(column: "first_name", as: String.self))
        }
        return found
    }
}
