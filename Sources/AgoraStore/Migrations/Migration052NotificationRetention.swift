extension Migrations {
    /// What the retention job walks: read notifications by when they were read (to archive), every notification by
    /// when it was written (to delete).
    static let notificationRetention = Migration(version: 52, name: "notification retention", statements: { _ in
        [
            "CREATE INDEX notifications_read_idx ON notifications (read_at)",
            "CREATE INDEX notifications_created_idx ON notifications (created_at)",
        ]
    })
}
