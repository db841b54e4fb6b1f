extension Migrations {
    /// What a notification is about when the bell offers an action on it (`NotificationSubject`): its type and id.
    static let notificationSubjects = Migration(version: 59, name: "notification subjects", statements: { _ in
        [
            "ALTER TABLE notifications ADD COLUMN subject_type TEXT",
            "ALTER TABLE notifications ADD COLUMN subject_id BIGINT",
        ]
    })
}
