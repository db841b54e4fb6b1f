import AgoraDomain
import Foundation
import SQLKit

/// One saved version of an email template.
public struct StoredEmailTemplate: Sendable, Hashable {
    public let key: String
    public let locale: EmailLocale
    public let version: Int
    public let status: EmailTemplateStatus
    public let content: EmailTemplateContent
    public let changedBy: Int64?
    public let createdAt: Date
}

/// The versions of email templates edited by staff (`email_templates`). Saving adds a version — draft or published —
/// and never changes one, so the history stays whole and any version can be published again; the newest published
/// version of each message is the one in force. Each save is audited in its own transaction, and a publication is
/// announced to the other instances (`channel`), which read the published versions again.
public struct EmailTemplateRepository: Sendable {
    let store: Store

    /// The PostgreSQL channel publications are announced on.
    public static let channel = "agora_email_templates"

    public init(store: Store) { self.store = store }

    /// Adds the next version of the message in the locale.
    public func save(
        _ content: EmailTemplateContent, key: String, locale: EmailLocale, status: EmailTemplateStatus, by actor: AuditActor, now: Date
    ) async throws -> StoredEmailTemplate {
        try await store.transaction { [store] db in
            // Saves of one message take turns, so two cannot take the same version (SQLite's writers take turns already).
            if store.engine == .postgresql {
                try await db.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: "email_templates:" + key)))").run()
            }
            let previous = try await db.raw("""
                SELECT MAX(version) AS version FROM email_templates WHERE template_key = \(bind: key) AND locale = \(state: locale)
                """).first()?.decodeIfPresent(column: "version", as: Int.self) ?? 0
            let row = try await db.raw("""
                INSERT INTO email_templates (template_key, locale, version, status, subject, text_body, html_body, changed_by, created_at)
                VALUES (\(bind: key), \(state: locale), \(bind: previous + 1), \(state: status), \(bind: content.subject), \(bind: content.text),
                        \(bind: content.html), \(bind: actor.userID), \(bind: now))
                RETURNING \(Self.columns)
                """).first()
            guard let row else { throw StoreError.notFound("the saved template") }
            let saved = try Self.template(from: row)
            try await AuditLog(store: store, in: StoreTransaction(sql: db)).append(actor.entry(
                status == .published ? .emailTemplatePublished : .emailTemplateDrafted, on: .emailTemplate, id: try row.decode(column: "id", as: Int64.self),
                before: [:], after: ["key": key, "locale": locale.rawValue, "version": String(saved.version), "subject": content.subject], at: now
            ))
            if status == .published, store.engine == .postgresql {
                try await db.raw("SELECT pg_notify(\(bind: Self.channel), \(bind: key))").run()
            }
            return saved
        }
    }

    /// The version in force of each message that has one published, by key.
    public func published(locale: EmailLocale = .english) async throws -> [String: StoredEmailTemplate] {
        try await newest(locale: locale, among: "AND status = \(state: EmailTemplateStatus.published)")
    }

    /// The newest version saved of each message that has one, draft or published, by key.
    public func latest(locale: EmailLocale = .english) async throws -> [String: StoredEmailTemplate] {
        try await newest(locale: locale, among: "")
    }

    private func newest(locale: EmailLocale, among condition: SQLQueryString) async throws -> [String: StoredEmailTemplate] {
        let rows = try await store.sql.raw("""
            SELECT \(Self.columns) FROM email_templates t
            WHERE t.locale = \(state: locale) \(condition)
              AND t.version = (SELECT MAX(version) FROM email_templates p WHERE p.template_key = t.template_key AND p.locale = t.locale \(condition))
            """).all()
        return Dictionary(uniqueKeysWithValues: try rows.map(Self.template(from:)).map { ($0.key, $0) })
    }

    /// One version of a message.
    public func version(_ version: Int, of key: String, locale: EmailLocale = .english) async throws -> StoredEmailTemplate? {
        try await store.sql.raw("""
            SELECT \(Self.columns) FROM email_templates WHERE template_key = \(bind: key) AND locale = \(state: locale) AND version = \(bind: version)
            """).first().map(Self.template(from:))
    }

    /// A message's versions in the locale, newest first.
    public func versions(of key: String, locale: EmailLocale = .english, limit: Int = 50) async throws -> [StoredEmailTemplate] {
        try await store.sql.raw("""
            SELECT \(Self.columns) FROM email_templates WHERE template_key = \(bind: key) AND locale = \(state: locale)
            ORDER BY version DESC LIMIT \(bind: limit)
            """).all().map(Self.template(from:))
    }

    /// Changes when anything is published: how many published versions there are.
    public func revision() async throws -> Int {
        try await store.sql.raw("""
            SELECT COUNT(*) AS n FROM email_templates WHERE status = \(state: EmailTemplateStatus.published)
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    private static let columns: SQLQueryString = "id, template_key, locale, version, status, subject, text_body, html_body, changed_by, created_at"

    private static func template(from row: any SQLRow) throws -> StoredEmailTemplate {
        StoredEmailTemplate(
            key: try row.decode(column: "template_key", as: String.self),
            locale: try row.decodeState(column: "locale", as: EmailLocale.self),
            version: try row.decode(column: "version", as: Int.self),
            status: try row.decodeState(column: "status", as: EmailTemplateStatus.self),
            content: EmailTemplateContent(
                subject: try row.decode(column: "subject", as: String.self), text: try row.decode(column: "text_body", as: String.self),
                html: try row.decode(column: "html_body", as: String.self)
            ),
            changedBy: try row.decodeIfPresent(column: "changed_by", as: Int64.self),
            createdAt: try row.decode(column: "created_at", as: Date.self)
        )
    }
}
