extension Migrations {
    /// Digests (`NotificationDigestRepository`): each person's `digest_since` — their last digest, or when they chose
    /// its frequency — from which the next digest is due and gathers.
    static let notificationDigests = Migration(version: 56, name: "notification digests", statements: { dialect in
        [
            "ALTER TABLE notification_settings ADD COLUMN digest_since \(dialect.timestamp)",
            "UPDATE notification_settings SET digest_since = updated_at",
        ]
    })
}
