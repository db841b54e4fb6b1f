import AgoraDomain
import SQLKit

extension Migrations {
    /// Notifications a person controls. `notifications` gains its kind's `category` (filled in for those already
    /// there) and `archived_at`; `notification_preferences` holds the channels a person turned on per category (no
    /// row: the category's defaults); `notification_settings` their time zone, quiet hours and digest frequency;
    /// `notification_deliveries` what became of each notification on each channel — sent, queued (an email waiting
    /// in the outbox, `message_id` naming it), failed with its error, or suppressed by a preference.
    static let notificationPreferences = Migration(version: 51, name: "notification preferences", statements: { dialect in
        let time = dialect.timestamp
        let id = dialect.identity
        return [
            "ALTER TABLE notifications ADD COLUMN category TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE notifications ADD COLUMN archived_at \(time)",
            "DROP INDEX notifications_user_idx",
            "CREATE INDEX notifications_user_idx ON notifications (user_id, id)",
            """
            CREATE TABLE notification_preferences (
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                category TEXT NOT NULL,
                channels TEXT NOT NULL,
                updated_at \(time) NOT NULL,
                PRIMARY KEY (user_id, category)
            )
            """,
            """
            CREATE TABLE notification_settings (
                user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                time_zone TEXT NOT NULL,
                quiet_start INTEGER CHECK (quiet_start BETWEEN 0 AND 1439),
                quiet_end INTEGER CHECK (quiet_end BETWEEN 0 AND 1439),
                digest TEXT NOT NULL,
                updated_at \(time) NOT NULL
            )
            """,
            """
            CREATE TABLE notification_deliveries (
                id \(id),
                notification_id BIGINT NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
                channel TEXT NOT NULL,
                status TEXT NOT NULL,
                message_id TEXT,
                error TEXT,
                created_at \(time) NOT NULL,
                updated_at \(time) NOT NULL,
                UNIQUE (notification_id, channel)
            )
            """,
            "CREATE INDEX notification_deliveries_message_idx ON notification_deliveries (message_id)",
        ]
    }, data: { db, _ in
        for kind in NotificationKind.allCases {
            try await db.raw("UPDATE notifications SET category = \(bind: kind.category.rawValue) WHERE type = \(bind: kind.rawValue)").run()
        }
    })
}
