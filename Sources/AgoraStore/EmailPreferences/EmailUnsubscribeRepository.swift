import AgoraDomain
import Foundation
import SQLKit

/// One-click unsubscribes (RFC 8058) and the address-wide "no optional mail" choice. Every one-click use is kept in
/// `email_unsubscribe_events` for the notification figures. Transactional mail — a link to confirm an address, a
/// reset, a security notice — is always sent.
public struct EmailUnsubscribeRepository: Sendable {
    let store: Store
    let sql: any SQLDatabase

    public init(store: Store, on database: (any SQLDatabase)? = nil) {
        self.store = store
        self.sql = database ?? store.sql
    }

    /// Stops what the scope names for the address: every optional email, one category's emails (for the account
    /// with that address) or the digest. Doing it twice is the same as once.
    public func unsubscribe(_ email: Email, from scope: UnsubscribeScope, now: Date) async throws {
        try await store.transaction { db in
            switch scope {
            case .allOptionalMail:
                try await Self.record(email, unsubscribed: true, on: db, now: now)
            case .category(let category):
                for row in try await db.raw("SELECT id FROM users WHERE email = \(bind: email.value)").all() {
                    try await NotificationPreferenceRepository.turnOff(
                        .email, of: category, for: try row.decode(column: "id", as: Int64.self), on: db, now: now
                    )
                }
            case .digest:
                try await db.raw("""
                    UPDATE notification_settings SET digest = \(state: DigestFrequency.off), updated_at = \(bind: now)
                    WHERE user_id IN (SELECT id FROM users WHERE email = \(bind: email.value))
                    """).run()
            }
            try await db.raw("""
                INSERT INTO email_unsubscribe_events (email, scope, created_at) VALUES (\(bind: email.value), \(bind: scope.name), \(bind: now))
                """).run()
        }
    }

    public func isUnsubscribed(_ address: String) async throws -> Bool {
        try await sql.raw("SELECT 1 AS one FROM email_unsubscribes WHERE email = \(bind: address.lowercased())").first() != nil
    }

    /// Whether the address stopped what the scope names — all optional mail, or this category's emails, or the
    /// digest — by now: what the email worker asks before it sends optional mail that waited (quiet hours, retries).
    public func isUnsubscribed(_ address: String, from scope: UnsubscribeScope) async throws -> Bool {
        let email = address.lowercased()
        if try await isUnsubscribed(email) { return true }
        switch scope {
        case .allOptionalMail:
            return false
        case .category(let category):
            let on = NotificationPreferenceRepository.channelOn(.email, category: category, row: "p")
            return try await sql.raw("""
                SELECT 1 AS one FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.category = \(state: category)
                WHERE u.email = \(bind: email) AND NOT \(on)
                """).first() != nil
        case .digest:
            return try await sql.raw("""
                SELECT 1 AS one FROM users u JOIN notification_settings s ON s.user_id = u.id
                WHERE u.email = \(bind: email) AND s.digest <> \(state: DigestFrequency.off)
                """).first() == nil
        }
    }

    /// Whether the person's address still takes optional mail.
    public func allowsOptionalMail(userID: Int64) async throws -> Bool {
        try await sql.raw("""
            SELECT 1 AS one FROM email_unsubscribes u JOIN users ON users.email = u.email WHERE users.id = \(bind: userID)
            """).first() == nil
    }

    /// The person's own choice from their preferences: take optional mail again, or stop it.
    static func setOptionalMail(_ allowed: Bool, userID: Int64, on db: any SQLDatabase, now: Date) async throws {
        guard let row = try await db.raw("SELECT email FROM users WHERE id = \(bind: userID)").first() else { return }
        try await record(try Email(try row.decode(column: "email", as: String.self)), unsubscribed: !allowed, on: db, now: now)
    }

    private static func record(_ email: Email, unsubscribed: Bool, on db: any SQLDatabase, now: Date) async throws {
        if unsubscribed {
            try await db.raw("""
                INSERT INTO email_unsubscribes (email, created_at) VALUES (\(bind: email.value), \(bind: now))
                ON CONFLICT (email) DO NOTHING
                """).run()
        } else {
            try await db.raw("DELETE FROM email_unsubscribes WHERE email = \(bind: email.value)").run()
        }
    }
}
