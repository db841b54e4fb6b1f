import AgoraDomain
import Foundation
import SQLKit

/// A person whose digest is due, with what it is made from.
public struct DigestRecipient: Sendable {
    public let person: Recipient
    public let preferences: NotificationPreferences
    /// Their last digest, or when they chose its frequency: the digest gathers what arrived after it.
    public let since: Date
}

/// Digest emails (`DigestFrequency`): who is due, what they left unread in the categories they chose the digest for,
/// and the record of a digest sent — its email queued, a `digest` delivery per notification it gathered (so none is
/// gathered twice), and the person's `digest_since` moved on, in one transaction.
public struct NotificationDigestRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// People whose digest is due at `now` (a moment of their frequency, in their zone, has come since `digest_since`),
    /// at most `limit`. Suspended accounts are left out.
    public func due(now: Date, limit: Int) async throws -> [DigestRecipient] {
        var found: [DigestRecipient] = []
        var after: Int64 = 0
        while found.count < limit {
            let rows = try await store.sql.raw("""
                SELECT s.user_id, s.digest_since, s.updated_at, u.email, u.first_name FROM notification_settings s JOIN users u ON u.id = s.user_id
                WHERE s.digest <> \(state: DigestFrequency.off) AND u.verification_status <> \(state: VerificationStatus.suspended) AND s.user_id > \(bind: after)
                ORDER BY s.user_id LIMIT 500
                """).all()
            guard let last = rows.last else { break }
            after = try last.decode(column: "user_id", as: Int64.self)
            let preferences = try await NotificationPreferenceRepository.preferences(
                of: try rows.map { try $0.decode(column: "user_id", as: Int64.self) }, on: store.sql
            )
            for row in rows {
                let id = try row.decode(column: "user_id", as: Int64.self)
                guard let chosen = preferences[id], let zone = TimeZone(identifier: chosen.timeZone) else { continue }
                let since = try row.decodeIfPresent(column: "digest_since", as: Date.self) ?? row.decode(column: "updated_at", as: Date.self)
                guard chosen.digest.isDue(since: since, in: zone, at: now) else { continue }
                let person = Recipient(id: id, email: try row.decode(column: "email", as: String.self), firstName: try row.decode(column: "first_name", as: String.self))
                found.append(DigestRecipient(person: person, preferences: chosen, since: since))
                if found.count == limit { break }
            }
        }
        return found
    }

    /// What the digest gathers: the person's unread notifications in the app, written since `since`, in the
    /// categories they chose the digest for and not gathered before; the newest `limit`, and how many there are.
    public func unread(for recipient: DigestRecipient, limit: Int) async throws -> (notifications: [Notification], total: Int) {
        let categories = NotificationCategory.allCases.filter { category in
            NotificationKind.allCases.contains { $0.category == category && recipient.preferences.allows($0, on: .digest) }
        }
        guard !categories.isEmpty else { return ([], 0) }
        let condition: SQLQueryString = """
            n.user_id = \(bind: recipient.person.id) AND n.read_at IS NULL AND n.archived_at IS NULL AND n.created_at >= \(bind: recipient.since)
            AND n.category IN (\(binds: categories.map(\.rawValue)))
            AND NOT EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.notification_id = n.id AND d.channel = \(state: NotificationChannel.digest))
            """
        let total = try await store.sql.raw("SELECT COUNT(*) AS n FROM notifications n WHERE \(condition)").first()?.decode(column: "n", as: Int.self) ?? 0
        let notifications = try await store.sql.raw("""
            SELECT \(NotificationRepository.columns) FROM notifications n WHERE \(condition) ORDER BY n.id DESC LIMIT \(bind: limit)
            """).all().compactMap(NotificationRepository.notification)
        return (notifications, total)
    }

    /// Records the digest: its email (none when nothing was gathered), a `digest` delivery for each notification it
    /// gathered, and the person's `digest_since` moved to `now`.
    public func record(_ recipient: DigestRecipient, gathered: [Notification], email: NewOutboxEmail?, now: Date) async throws {
        try await store.transaction { [store] db in
            if let email {
                try await EmailOutbox(store: store, on: db).enqueue([email], now: now)
                let rows = gathered.map { notification -> SQLQueryString in
                    """
                    (\(bind: notification.id), \(state: NotificationChannel.digest), \(state: NotificationDeliveryStatus.queued), \(bind: email.messageID),
                     \(bind: now), \(bind: now))
                    """
                }
                for start in stride(from: 0, to: rows.count, by: 500) {
                    try await db.raw("""
                        INSERT INTO notification_deliveries (notification_id, channel, status, message_id, created_at, updated_at)
                        VALUES \(rows[start..<min(rows.count, start + 500)].joined(separator: ", "))
                        """).run()
                }
            }
            try await db.raw("UPDATE notification_settings SET digest_since = \(bind: now) WHERE user_id = \(bind: recipient.person.id)").run()
        }
    }
}
