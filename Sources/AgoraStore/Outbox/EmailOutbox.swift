import Foundation
import AgoraDomain
import SQLKit

/// The email outbox: messages are queued in the same transaction as the change that causes them and delivered
/// later by a worker, so a change is never committed without its email, nor an email sent for a change rolled back.
///
/// Workers claim due messages with a lease (`claimed_until`); on PostgreSQL the claim skips rows another worker
/// holds (`FOR UPDATE SKIP LOCKED`), and a message whose worker died is claimed again once its lease ends.
public struct EmailOutbox: Sendable {
    let store: Store
    let sql: any SQLDatabase

    public init(store: Store, on database: (any SQLDatabase)? = nil) {
        self.store = store
        self.sql = database ?? store.sql
    }

    /// The repository inside a transaction of the store.
    public init(store: Store, in transaction: StoreTransaction) {
        self.init(store: store, on: transaction.sql)
    }

    private static let columns: SQLQueryString = """
        id, message_id, recipient, subject, template, text_body, html_body, headers, unsubscribe_scope, status, attempts,
        last_error, created_at, sent_at, calendar
        """

    public func enqueue(_ email: NewOutboxEmail, now: Date) async throws {
        try await enqueue([email], now: now)
    }

    /// Queues several messages with one statement.
    public func enqueue(_ emails: [NewOutboxEmail], now: Date) async throws {
        guard !emails.isEmpty else { return }
        let encoder = JSONEncoder()
        let rows = try emails.map { email -> SQLQueryString in
            let headers = String(decoding: try encoder.encode(email.headers), as: UTF8.self)
            return """
                (\(bind: email.messageID), \(bind: email.recipient), \(bind: email.subject), \(bind: email.template),
                 \(bind: email.textBody), \(bind: email.htmlBody), \(bind: headers), \(bind: email.unsubscribeScope?.name),
                 \(state: OutboxEmail.Status.pending), \(bind: email.sendAt ?? now), \(bind: now), \(bind: email.calendar))
                """
        }
        try await sql.raw("""
            INSERT INTO email_outbox (message_id, recipient, subject, template, text_body, html_body, headers, unsubscribe_scope,
                                      status, next_attempt_at, created_at, calendar)
            VALUES \(rows.joined(separator: ", "))
            """).run()
    }

    /// Claims up to `limit` messages that are due, for `lease` seconds, and counts the attempt.
    public func claimDue(now: Date, limit: Int, lease: TimeInterval) async throws -> [OutboxEmail] {
        let lockClause: SQLQueryString = store.engine == .postgresql ? "FOR UPDATE SKIP LOCKED" : ""
        // A plain read first: an idle outbox, polled every second, must not take SQLite's write lock each time.
        let anyDue = try await sql.raw("""
            SELECT id FROM email_outbox
            WHERE (status = \(state: OutboxEmail.Status.pending) AND next_attempt_at <= \(bind: now)) OR (status = \(state: OutboxEmail.Status.sending) AND claimed_until < \(bind: now))
            LIMIT 1
            """).first()
        guard anyDue != nil else { return [] }
        return try await store.transaction { tx in
            let ids = try await tx.raw("""
                SELECT id FROM email_outbox
                WHERE (status = \(state: OutboxEmail.Status.pending) AND next_attempt_at <= \(bind: now))
                   OR (status = \(state: OutboxEmail.Status.sending) AND claimed_until < \(bind: now))
                ORDER BY next_attempt_at, id LIMIT \(bind: limit) \(lockClause)
                """).all().map { try $0.decode(column: "id", as: Int64.self) }
            var claimed: [OutboxEmail] = []
            for id in ids {
                let row = try await tx.raw("""
                    UPDATE email_outbox SET status = \(state: OutboxEmail.Status.sending), attempts = attempts + 1,
                                            claimed_until = \(bind: now.addingTimeInterval(lease))
                    WHERE id = \(bind: id) RETURNING \(Self.columns)
                    """).first()
                if let row { claimed.append(try Self.email(from: row)) }
            }
            return claimed
        }
    }

    /// Records the message as sent and drops its bodies: they may hold single-use links (verification, password
    /// reset) that must not stay usable at rest. Recipient, subject, template and message id remain for support.
    public func markSent(id: Int64, now: Date) async throws {
        try await sql.raw("""
            UPDATE email_outbox SET status = \(state: OutboxEmail.Status.sent), sent_at = \(bind: now), claimed_until = NULL,
                                    last_error = NULL, text_body = '', html_body = ''
            WHERE id = \(bind: id)
            """).run()
        try await recordDelivery(of: id, .sent, error: nil, now: now)
    }

    /// Keeps what became of a notification's email beside it (`notification_deliveries`).
    private func recordDelivery(of id: Int64, _ status: NotificationDeliveryStatus, error: String?, now: Date) async throws {
        try await sql.raw("""
            UPDATE notification_deliveries SET status = \(state: status), error = \(bind: error), updated_at = \(bind: now)
            WHERE message_id = (SELECT message_id FROM email_outbox WHERE id = \(bind: id))
            """).run()
    }

    /// Puts the message back in the queue for `retryAt`, or marks it failed for good when `retryAt` is nil, and
    /// then drops its bodies as `markSent` does.
    public func markUndelivered(id: Int64, error: String, retryAt: Date?, now: Date) async throws {
        let status: OutboxEmail.Status = retryAt == nil ? .failed : .pending
        let bodies: SQLQueryString = retryAt == nil ? ", text_body = '', html_body = ''" : ""
        try await sql.raw("""
            UPDATE email_outbox SET status = \(bind: status.rawValue), last_error = \(bind: String(error.prefix(500))),
                                    next_attempt_at = COALESCE(\(bind: retryAt), next_attempt_at), claimed_until = NULL\(bodies)
            WHERE id = \(bind: id)
            """).run()
        if retryAt == nil { try await recordDelivery(of: id, .failed, error: String(error.prefix(500)), now: now) }
    }

    /// Drops optional mail to an address that unsubscribed: the message leaves the queue unsent (kept as failed, with
    /// the reason, for support) and a notification's delivery reads suppressed, as for a preference.
    public func markSuppressed(id: Int64, reason: String, now: Date) async throws {
        try await sql.raw("""
            UPDATE email_outbox SET status = \(state: OutboxEmail.Status.failed), last_error = \(bind: reason), claimed_until = NULL,
                                    text_body = '', html_body = ''
            WHERE id = \(bind: id)
            """).run()
        try await recordDelivery(of: id, .suppressed, error: reason, now: now)
    }

    /// Deletes the messages that left the queue (sent, or failed for good) before `cutoff`; returns how many.
    @discardableResult
    public func purge(finishedBefore cutoff: Date) async throws -> Int {
        try await sql.raw("""
            DELETE FROM email_outbox
            WHERE status IN (\(states: [OutboxEmail.Status.sent, .failed])) AND created_at < \(bind: cutoff)
            RETURNING id
            """).all().count
    }

    public func find(messageID: String) async throws -> OutboxEmail? {
        try await sql.raw("SELECT \(Self.columns) FROM email_outbox WHERE message_id = \(bind: messageID)")
            .first().map(Self.email(from:))
    }

    /// The latest messages to one address, newest first.
    public func messages(to recipient: String, limit: Int = 20) async throws -> [OutboxEmail] {
        try await sql.raw("""
            SELECT \(Self.columns) FROM email_outbox WHERE recipient = \(bind: recipient)
            ORDER BY created_at DESC, id DESC LIMIT \(bind: limit)
            """).all().map(Self.email(from:))
    }

    static func email(from row: any SQLRow) throws -> OutboxEmail {
        let headersJSON = try row.decode(column: "headers", as: String.self)
        let status = OutboxEmail.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .failed
        return OutboxEmail(
            id: try row.decode(column: "id", as: Int64.self),
            messageID: try row.decode(column: "message_id", as: String.self),
            recipient: try row.decode(column: "recipient", as: String.self),
            subject: try row.decode(column: "subject", as: String.self),
            template: try row.decode(column: "template", as: String.self),
            textBody: try row.decode(column: "text_body", as: String.self),
            htmlBody: try row.decode(column: "html_body", as: String.self),
            headers: (try? JSONDecoder().decode([String: String].self, from: Data(headersJSON.utf8))) ?? [:],
            unsubscribeScope: try row.decodeIfPresent(column: "unsubscribe_scope", as: String.self).flatMap(UnsubscribeScope.init(name:)),
            status: status,
            attempts: try row.decode(column: "attempts", as: Int.self),
            lastError: try row.decodeIfPresent(column: "last_error", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            sentAt: try row.decodeIfPresent(column: "sent_at", as: Date.self),
            calendar: try row.decodeIfPresent(column: "calendar", as: String.self)
        )
    }
}
