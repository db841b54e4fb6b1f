import AgoraDomain
import Foundation
import SQLKit

/// In-app notifications, read, marked and archived on behalf of their owner only; written with `Announcements`,
/// following each person's `NotificationPreferences`.
public struct NotificationRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// Writes notifications and their emails in a transaction the caller holds, as the person's preferences say.
    public func write(_ announcements: Announcements, in transaction: StoreTransaction, now: Date) async throws {
        try await Self.write(announcements, store: store, on: transaction.sql, now: now)
    }

    static let columns: SQLQueryString = "id, type, title, message, link, read_at, archived_at, created_at, burst_key, burst_count, subject_type, subject_id"

    /// The PostgreSQL channel that carries the id of each person whose notifications changed, on commit, or
    /// `everyone`.
    public static let channel = "agora_notifications"
    public static let everyone = "*"

    /// Tells live connections, once the transaction commits, that these people's notifications changed: this
    /// process at once, the other instances through PostgreSQL.
    static func signal(_ userIDs: Set<Int64>, on db: any SQLDatabase) async throws {
        for userID in userIDs.sorted() {
            CommitSignals.pending?.add(.person, userID)
            if db.dialect.name == "postgresql" {
                try await db.raw("SELECT pg_notify(\(bind: Self.channel), \(bind: String(userID)))").run()
            }
        }
    }

    /// Tells every live connection, once the transaction commits, that notifications changed for everyone (an
    /// announcement): one signal rather than one per person.
    static func signalEveryone(on db: any SQLDatabase) async throws {
        CommitSignals.pending?.add(.everyone, 0)
        if db.dialect.name == "postgresql" {
            try await db.raw("SELECT pg_notify(\(bind: Self.channel), \(bind: Self.everyone))").run()
        }
    }

    /// The person's inbox notifications after `id`, oldest first, at most `limit`: what a live connection has not
    /// been sent yet.
    public func inbox(of userID: Int64, after id: Int64, limit: Int = 50) async throws -> [Notification] {
        try await store.sql.raw("""
            SELECT \(Self.columns) FROM notifications
            WHERE user_id = \(bind: userID) AND id > \(bind: id) AND archived_at IS NULL ORDER BY id LIMIT \(bind: limit)
            """).all().compactMap(Self.notification)
    }

    /// Each person's latest notification id (0 for none): where a new live connection starts, and what an instance
    /// without notifications (SQLite) compares with what it sent.
    public func latest(of userIDs: [Int64]) async throws -> [Int64: Int64] {
        guard !userIDs.isEmpty else { return [:] }
        var latest = Dictionary(uniqueKeysWithValues: userIDs.map { ($0, Int64(0)) })
        for row in try await store.sql.raw("""
            SELECT user_id, MAX(id) AS latest FROM notifications WHERE user_id IN (\(binds: userIDs)) GROUP BY user_id
            """).all() {
            latest[try row.decode(column: "user_id", as: Int64.self)] = try row.decode(column: "latest", as: Int64.self)
        }
        return latest
    }

    /// A page of one person's notifications as the query asks, newest first, and how many in their inbox are unread.
    /// A notification of a kind this version does not know (written by a newer one during an upgrade) is left out.
    public func list(userID: Int64, _ query: NotificationQuery) async throws -> (notifications: [Notification], unread: Int) {
        var conditions: [SQLQueryString] = ["user_id = \(bind: userID)", query.archived ? "archived_at IS NOT NULL" : "archived_at IS NULL"]
        if query.unreadOnly { conditions.append("read_at IS NULL") }
        if let category = query.category { conditions.append("category = \(state: category)") }
        if let text = query.text {
            let pattern = LikePattern.containing(text.lowercased())
            conditions.append("(LOWER(title) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(message) LIKE \(bind: pattern) ESCAPE '\\')")
        }
        if let before = query.before { conditions.append("id < \(bind: before)") }
        let rows = try await store.sql.raw("""
            SELECT \(Self.columns) FROM notifications WHERE \(conditions.joined(separator: " AND ")) ORDER BY id DESC LIMIT \(bind: query.limit)
            """).all()
        return (try rows.compactMap(Self.notification), try await unread(userID: userID))
    }

    /// How many notifications in the person's inbox are unread.
    public func unread(userID: Int64) async throws -> Int {
        try await store.sql.raw("""
            SELECT COUNT(*) AS n FROM notifications WHERE user_id = \(bind: userID) AND read_at IS NULL AND archived_at IS NULL
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Which of the person's notifications to mark read.
    public enum Selection: Sendable, Hashable {
        /// These ids (others' ids among them change nothing).
        case ids([Int64])
        /// Every one up to this id: what a tab has shown.
        case upTo(Int64)
        /// Every one.
        case all
    }

    /// Marks the person's selected notifications read; returns how many changed.
    @discardableResult
    public func markRead(userID: Int64, _ selection: Selection, now: Date) async throws -> Int {
        let which: SQLQueryString = switch selection {
        case .ids(let ids): ids.isEmpty ? "1 = 0" : "id IN (\(binds: ids))"
        case .upTo(let id): "id <= \(bind: id)"
        case .all: "1 = 1"
        }
        return try await store.transaction { db in
            let changed = try await db.raw("""
                UPDATE notifications SET read_at = \(bind: now)
                WHERE user_id = \(bind: userID) AND \(which) AND read_at IS NULL RETURNING id
                """).all().count
            if changed > 0 { try await Self.signal([userID], on: db) }
            return changed
        }
    }

    /// Moves one of the person's notifications to their archive (read, out of the inbox); nil when they have none
    /// with this id.
    public func archive(_ id: Int64, userID: Int64, now: Date) async throws -> Notification? {
        try await store.transaction { db in
            guard let row = try await db.raw("""
                UPDATE notifications SET archived_at = COALESCE(archived_at, \(bind: now)), read_at = COALESCE(read_at, \(bind: now))
                WHERE id = \(bind: id) AND user_id = \(bind: userID) RETURNING \(Self.columns)
                """).first() else { return nil }
            try await Self.signal([userID], on: db)
            return try Self.notification(row)
        }
    }

    /// Keeps notifications as long as `retention` says, at most `limit` of each step per call: read ones still in an
    /// inbox after the archiving age move to the archive, and every one past the deleting age is deleted (with its
    /// deliveries). Each step is one statement; the people affected are signalled, so their open tabs follow.
    public func tidy(_ retention: NotificationRetention, now: Date, limit: Int) async throws -> (archived: Int, deleted: Int) {
        try await store.transaction { db in
            let archived = try await db.raw("""
                UPDATE notifications SET archived_at = \(bind: now)
                WHERE id IN (
                    SELECT id FROM notifications WHERE read_at < \(bind: retention.archiveBefore(now)) AND archived_at IS NULL
                    ORDER BY read_at LIMIT \(bind: limit)
                ) RETURNING user_id
                """).all().map { try $0.decode(column: "user_id", as: Int64.self) }
            let deleted = try await db.raw("""
                DELETE FROM notifications
                WHERE id IN (SELECT id FROM notifications WHERE created_at < \(bind: retention.deleteBefore(now)) ORDER BY created_at LIMIT \(bind: limit))
                RETURNING user_id
                """).all().map { try $0.decode(column: "user_id", as: Int64.self) }
            try await Self.signal(Set(archived + deleted), on: db)
            return (archived.count, deleted.count)
        }
    }

    /// Writes announcements on a connection inside the caller's transaction. Each notification is shown in the app
    /// (or kept in the history, already read, when the person turned the app off for its category) and its email
    /// queued — held until quiet hours end — or suppressed, as the person's preferences say; each channel's outcome
    /// is kept in `notification_deliveries`. Emails that belong to no notification are queued as they are.
    static func write(_ announcements: Announcements, store: Store, on db: any SQLDatabase, now: Date) async throws {
        var emails = announcements.emails
        if !announcements.notifications.isEmpty {
            let preferences = try await NotificationPreferenceRepository.preferences(of: announcements.notifications.map(\.userID), on: db)
            var deliveries: [SQLQueryString] = []
            for notification in announcements.notifications {
                let chosen = preferences[notification.userID] ?? .standard
                let shown = chosen.allows(notification.kind, on: .inApp)
                if let burst = notification.burst, try await joinBurst(burst, notification, shown: shown, on: db, now: now) { continue }
                guard let id = try await db.raw("""
                    INSERT INTO notifications (user_id, type, category, title, message, link, read_at, created_at, burst_key, subject_type, subject_id)
                    VALUES (\(bind: notification.userID), \(bind: notification.kind.rawValue), \(state: notification.kind.category), \(bind: notification.title),
                            \(bind: notification.message), \(bind: notification.link), \(bind: shown ? nil : now), \(bind: now), \(bind: notification.burst?.key),
                            \(bind: notification.subject?.type), \(bind: notification.subject?.id))
                    RETURNING id
                    """).first()?.decode(column: "id", as: Int64.self) else { continue }
                func delivery(_ channel: NotificationChannel, _ status: NotificationDeliveryStatus, messageID: String? = nil) -> SQLQueryString {
                    "(\(bind: id), \(state: channel), \(state: status), \(bind: messageID), \(bind: now), \(bind: now))"
                }
                deliveries.append(delivery(.inApp, shown ? .sent : .suppressed))
                guard var email = notification.email else { continue }
                if chosen.allows(notification.kind, on: .email) {
                    let leaves = chosen.emailTime(for: notification.kind, at: now)
                    email.sendAt = leaves > now ? leaves : nil
                    emails.append(email)
                    deliveries.append(delivery(.email, .queued, messageID: email.messageID))
                } else {
                    deliveries.append(delivery(.email, .suppressed))
                }
            }
            if !deliveries.isEmpty {
                try await db.raw("""
                    INSERT INTO notification_deliveries (notification_id, channel, status, message_id, created_at, updated_at)
                    VALUES \(deliveries.joined(separator: ", "))
                    """).run()
            }
            try await Self.signal(Set(announcements.notifications.map(\.userID)), on: db)
        }
        try await EmailOutbox(store: store, on: db).enqueue(emails, now: now)
    }

    /// Adds the event to the person's latest notification of its run when that is young enough and unread (or the
    /// person keeps the kind out of the app, so never reads it): a new notification counting one more takes its
    /// place and its deliveries — at the top of the list and past every open tab's cursor — and no email goes.
    /// False when the event starts a run of its own.
    private static func joinBurst(
        _ burst: NotificationBurst, _ notification: NewNotification, shown: Bool, on db: any SQLDatabase, now: Date
    ) async throws -> Bool {
        let unread: SQLQueryString = shown ? " AND read_at IS NULL" : ""
        guard let latest = try await db.raw("""
            SELECT id, burst_count FROM notifications
            WHERE user_id = \(bind: notification.userID) AND burst_key = \(bind: burst.key) AND archived_at IS NULL
                AND created_at >= \(bind: now.addingTimeInterval(-burst.window))\(unread)
            ORDER BY id DESC LIMIT 1
            """).first() else { return false }
        let previous = try latest.decode(column: "id", as: Int64.self)
        let count = try latest.decode(column: "burst_count", as: Int.self) + 1
        guard let id = try await db.raw("""
            INSERT INTO notifications (user_id, type, category, title, message, link, read_at, created_at, burst_key, burst_count, subject_type, subject_id)
            VALUES (\(bind: notification.userID), \(bind: notification.kind.rawValue), \(state: notification.kind.category), \(bind: burst.title(count: count)),
                    \(bind: notification.message), \(bind: notification.link), \(bind: shown ? nil : now), \(bind: now), \(bind: burst.key), \(bind: count),
                    \(bind: notification.subject?.type), \(bind: notification.subject?.id))
            RETURNING id
            """).first()?.decode(column: "id", as: Int64.self) else { return false }
        try await db.raw("UPDATE notification_deliveries SET notification_id = \(bind: id) WHERE notification_id = \(bind: previous)").run()
        try await db.raw("DELETE FROM notifications WHERE id = \(bind: previous)").run()
        return true
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

    static func notification(_ row: any SQLRow) throws -> Notification? {
        guard let kind = NotificationKind(rawValue: try row.decode(column: "type", as: String.self)) else { return nil }
        return Notification(
            id: try row.decode(column: "id", as: Int64.self),
            kind: kind,
            title: try row.decode(column: "title", as: String.self),
            message: try row.decode(column: "message", as: String.self),
            link: try row.decodeIfPresent(column: "link", as: String.self),
            readAt: try row.decodeIfPresent(column: "read_at", as: Date.self),
            archivedAt: try row.decodeIfPresent(column: "archived_at", as: Date.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            burstKey: try row.decodeIfPresent(column: "burst_key", as: String.self),
            burstCount: try row.decode(column: "burst_count", as: Int.self),
            subject: try row.decodeIfPresent(column: "subject_type", as: String.self).flatMap { type in
                try row.decodeIfPresent(column: "subject_id", as: Int64.self).flatMap { NotificationSubject(type: type, id: $0) }
            }
        )
    }
}
