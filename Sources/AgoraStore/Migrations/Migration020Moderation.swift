import AgoraDomain
import SQLKit

extension Migrations {
    /// The moderation queue: one item per piece of content that was reported, caught by a filter or waits for
    /// approval, with its flags (reports and findings), the moderator's claim and decision, escalation and the
    /// author's appeal; the fingerprints the duplicate filter compares; and on each moderated table the hold that
    /// hides content from everyone but its author and staff. The new `moderation.escalations` permission goes to the
    /// roles whose defaults hold it.
    static let moderation = Migration(version: 20, name: "moderation", statements: { dialect in
        [
            "ALTER TABLE orders ADD COLUMN moderation_hold BOOLEAN NOT NULL DEFAULT FALSE",
            "ALTER TABLE proposals ADD COLUMN moderation_hold BOOLEAN NOT NULL DEFAULT FALSE",
            "ALTER TABLE testimonials ADD COLUMN moderation_hold BOOLEAN NOT NULL DEFAULT FALSE",
            """
            CREATE TABLE moderation_items (
                id \(dialect.identity),
                subject TEXT NOT NULL,
                subject_id BIGINT NOT NULL,
                author_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
                excerpt TEXT NOT NULL,
                status TEXT NOT NULL,
                score INTEGER NOT NULL DEFAULT 0,
                held BOOLEAN NOT NULL DEFAULT FALSE,
                claimed_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
                claimed_at \(dialect.timestamp),
                escalated_at \(dialect.timestamp),
                escalation_reason TEXT NOT NULL DEFAULT '',
                decision TEXT,
                decision_reason TEXT NOT NULL DEFAULT '',
                decided_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
                decided_at \(dialect.timestamp),
                created_at \(dialect.timestamp) NOT NULL,
                updated_at \(dialect.timestamp) NOT NULL,
                UNIQUE (subject, subject_id)
            )
            """,
            "CREATE INDEX moderation_items_queue_idx ON moderation_items (status, score, created_at)",
            """
            CREATE TABLE moderation_flags (
                id \(dialect.identity),
                item_id BIGINT NOT NULL REFERENCES moderation_items (id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                reporter_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
                reason TEXT NOT NULL DEFAULT '',
                detail TEXT NOT NULL DEFAULT '',
                weight INTEGER NOT NULL,
                upheld BOOLEAN,
                created_at \(dialect.timestamp) NOT NULL
            )
            """,
            "CREATE INDEX moderation_flags_item_idx ON moderation_flags (item_id)",
            "CREATE UNIQUE INDEX moderation_flags_one_report_idx ON moderation_flags (item_id, reporter_id) WHERE reporter_id IS NOT NULL",
            "CREATE INDEX moderation_flags_reporter_idx ON moderation_flags (reporter_id) WHERE reporter_id IS NOT NULL",
            """
            CREATE TABLE moderation_appeals (
                id \(dialect.identity),
                item_id BIGINT NOT NULL UNIQUE REFERENCES moderation_items (id) ON DELETE CASCADE,
                appellant_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
                statement TEXT NOT NULL,
                outcome TEXT,
                reason TEXT NOT NULL DEFAULT '',
                decided_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
                created_at \(dialect.timestamp) NOT NULL,
                decided_at \(dialect.timestamp)
            )
            """,
            """
            CREATE TABLE content_fingerprints (
                subject TEXT NOT NULL,
                subject_id BIGINT NOT NULL,
                author_id BIGINT,
                hash TEXT NOT NULL,
                created_at \(dialect.timestamp) NOT NULL
            )
            """,
            "CREATE INDEX content_fingerprints_hash_idx ON content_fingerprints (hash, created_at)",
        ]
    }, data: { database, _ in
        for role in StaffRole.allCases where role.defaultPermissions.contains(.moderationEscalations) {
            try await database.raw("""
                INSERT INTO role_permissions (role, permission) VALUES (\(bind: role.rawValue), \(bind: AdminPermission.moderationEscalations.rawValue))
                ON CONFLICT DO NOTHING
                """).run()
        }
    })
}
