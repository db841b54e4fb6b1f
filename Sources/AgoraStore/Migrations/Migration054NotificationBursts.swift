extension Migrations {
    /// Bursts (`NotificationBurst`): a notification standing for a run of events carries the run's key and how many
    /// events it counts; the writer finds a person's latest notification of a run through the index.
    static let notificationBursts = Migration(version: 54, name: "notification bursts", statements: { _ in
        [
            "ALTER TABLE notifications ADD COLUMN burst_key TEXT",
            "ALTER TABLE notifications ADD COLUMN burst_count INTEGER NOT NULL DEFAULT 1 CHECK (burst_count >= 1)",
            "CREATE INDEX notifications_burst_idx ON notifications (user_id, burst_key, id)",
        ]
    })
}
