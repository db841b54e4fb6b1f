import AgoraDomain
import Foundation
import SQLKit

/// Marketplace news sent to a segment of members.
public struct SentAnnouncement: Sendable, Hashable {
    public let id: Int64
    public let title: String
    public let message: String
    public let link: String?
    public let segment: AnnouncementSegment
    public let countryCode: String?
    public let sentBy: Int64?
    /// How many members it reached in the app, and how many asked for it by email.
    public let recipients: Int
    public let emails: Int
    public let createdAt: Date
}

/// Marketplace news to a segment of members (`AnnouncementDraft`), written whole in one transaction: the
/// announcement; a `marketplace_news` notification for every member of the segment and their in-app deliveries,
/// each with one statement that inserts from a select, so that a hundred thousand members take one pass; the emails
/// of the members who asked for news by email (held by their quiet hours; the others' email deliveries are
/// `suppressed`); the audit entry; and one signal that every live connection reads.
public struct AnnouncementRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    private static let columns: SQLQueryString = "id, title, message, link, segment, country_code, sent_by, recipients, emails, created_at"

    /// Sends the news; `email` writes a member's email (with its one-click unsubscribe).
    public func send(
        _ draft: AnnouncementDraft, by actor: AuditActor, now: Date, email: @escaping @Sendable (Recipient) throws -> NewOutboxEmail
    ) async throws -> SentAnnouncement {
        try await store.transaction { [store] db in
            guard let id = try await db.raw("""
                INSERT INTO announcements (title, message, link, segment, country_code, sent_by, recipients, emails, created_at)
                VALUES (\(bind: draft.title), \(bind: draft.message), \(bind: draft.link), \(state: draft.segment), \(bind: draft.countryCode),
                        \(bind: actor.userID), 0, 0, \(bind: now))
                RETURNING id
                """).first()?.decode(column: "id", as: Int64.self) else { throw StoreError.conflict("the announcement was not saved") }
            let news = NotificationKind.marketplaceNews
            let preference: SQLQueryString = """
                LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.category = \(state: news.category)
                """
            let inApp = NotificationPreferenceRepository.channelOn(.inApp, category: news.category, row: "p")
            let byEmail = NotificationPreferenceRepository.channelOn(.email, category: news.category, row: "p")
            try await db.raw("""
                INSERT INTO notifications (user_id, type, category, title, message, link, read_at, created_at, announcement_id)
                SELECT u.id, \(bind: news.rawValue), \(state: news.category), \(bind: draft.title), \(bind: draft.message), \(bind: draft.link),
                       CASE WHEN \(inApp) THEN NULL ELSE \(bind: now) END, \(bind: now), \(bind: id)
                FROM users u \(preference)
                WHERE \(Self.members(of: draft))
                """).run()
            try await db.raw("""
                INSERT INTO notification_deliveries (notification_id, channel, status, created_at, updated_at)
                SELECT n.id, \(state: NotificationChannel.inApp),
                       CASE WHEN n.read_at IS NULL THEN \(state: NotificationDeliveryStatus.sent) ELSE \(state: NotificationDeliveryStatus.suppressed) END,
                       \(bind: now), \(bind: now)
                FROM notifications n WHERE n.announcement_id = \(bind: id)
                """).run()
            let asked = try await db.raw("""
                SELECT n.id AS notification_id, u.id, u.email, u.first_name FROM notifications n JOIN users u ON u.id = n.user_id \(preference)
                WHERE n.announcement_id = \(bind: id) AND \(byEmail)
                """).all()
            let preferences = try await NotificationPreferenceRepository.preferences(of: try asked.map { try $0.decode(column: "id", as: Int64.self) }, on: db)
            var emails: [NewOutboxEmail] = []
            var deliveries: [SQLQueryString] = []
            for row in asked {
                let person = Recipient(
                    id: try row.decode(column: "id", as: Int64.self), email: try row.decode(column: "email", as: String.self),
                    firstName: try row.decode(column: "first_name", as: String.self)
                )
                var message = try email(person)
                let leaves = (preferences[person.id] ?? .standard).emailTime(for: news, at: now)
                message.sendAt = leaves > now ? leaves : nil
                emails.append(message)
                deliveries.append("""
                    (\(bind: try row.decode(column: "notification_id", as: Int64.self)), \(state: NotificationChannel.email),
                     \(state: NotificationDeliveryStatus.queued), \(bind: message.messageID), \(bind: now), \(bind: now))
                    """)
            }
            for start in stride(from: 0, to: deliveries.count, by: 500) {
                try await db.raw("""
                    INSERT INTO notification_deliveries (notification_id, channel, status, message_id, created_at, updated_at)
                    VALUES \(deliveries[start..<min(deliveries.count, start + 500)].joined(separator: ", "))
                    """).run()
            }
            for start in stride(from: 0, to: emails.count, by: 500) {
                try await EmailOutbox(store: store, on: db).enqueue(Array(emails[start..<min(emails.count, start + 500)]), now: now)
            }
            try await db.raw("""
                INSERT INTO notification_deliveries (notification_id, channel, status, created_at, updated_at)
                SELECT n.id, \(state: NotificationChannel.email), \(state: NotificationDeliveryStatus.suppressed), \(bind: now), \(bind: now)
                FROM notifications n JOIN users u ON u.id = n.user_id \(preference)
                WHERE n.announcement_id = \(bind: id) AND NOT \(byEmail)
                """).run()
            let recipients = try await db.raw("SELECT COUNT(*) AS n FROM notifications WHERE announcement_id = \(bind: id)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            guard let row = try await db.raw("""
                UPDATE announcements SET recipients = \(bind: recipients), emails = \(bind: emails.count) WHERE id = \(bind: id) RETURNING \(Self.columns)
                """).first() else { throw StoreError.notFound("the announcement") }
            try await AuditLog(store: store, in: StoreTransaction(sql: db)).append(actor.entry(
                .announcementSent, on: .announcement, id: id, before: [:],
                after: [
                    "title": draft.title, "segment": draft.segment.rawValue, "country": draft.countryCode ?? "any",
                    "recipients": String(recipients), "emails": String(emails.count),
                ],
                at: now
            ))
            try await NotificationRepository.signalEveryone(on: db)
            return try Self.announcement(from: row)
        }
    }

    /// The latest announcements, newest first.
    public func recent(limit: Int = 20) async throws -> [SentAnnouncement] {
        try await store.sql.raw("SELECT \(Self.columns) FROM announcements ORDER BY id DESC LIMIT \(bind: limit)").all().map(Self.announcement(from:))
    }

    /// The members of the draft's segment: clients or providers (never staff), not suspended, in its country if it names one.
    private static func members(of draft: AnnouncementDraft) -> SQLQueryString {
        let types: [String] = switch draft.segment {
        case .everyone: ["client", "provider"]
        case .clients: ["client"]
        case .providers: ["provider"]
        }
        var condition: SQLQueryString = """
            u.user_type IN (\(binds: types)) AND u.verification_status <> \(state: VerificationStatus.suspended)
            """
        if let country = draft.countryCode { condition = condition + " AND u.country_code = \(bind: country)" }
        return condition
    }

    private static func announcement(from row: any SQLRow) throws -> SentAnnouncement {
        SentAnnouncement(
            id: try row.decode(column: "id", as: Int64.self), title: try row.decode(column: "title", as: String.self),
            message: try row.decode(column: "message", as: String.self), link: try row.decodeIfPresent(column: "link", as: String.self),
            segment: try row.decodeState(column: "segment", as: AnnouncementSegment.self),
            countryCode: try row.decodeIfPresent(column: "country_code", as: String.self),
            sentBy: try row.decodeIfPresent(column: "sent_by", as: Int64.self), recipients: try row.decode(column: "recipients", as: Int.self),
            emails: try row.decode(column: "emails", as: Int.self), createdAt: try row.decode(column: "created_at", as: Date.self)
        )
    }
}
