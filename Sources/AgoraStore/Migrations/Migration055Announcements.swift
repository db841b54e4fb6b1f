import AgoraDomain
import SQLKit

extension Migrations {
    /// Marketplace news sent to segments of members (`AnnouncementRepository`): the announcement, and on each
    /// notification it wrote the announcement's id, by which its deliveries are written in one statement; the roles
    /// that hold `announcements.send` by default get it.
    static let announcements = Migration(version: 55, name: "announcements", statements: { dialect in
        [
            """
            CREATE TABLE announcements (
                id \(dialect.identity),
                title TEXT NOT NULL,
                message TEXT NOT NULL,
                link TEXT,
                segment TEXT NOT NULL,
                country_code TEXT,
                sent_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
                recipients INTEGER NOT NULL,
                emails INTEGER NOT NULL,
                created_at \(dialect.timestamp) NOT NULL
            )
            """,
            "ALTER TABLE notifications ADD COLUMN announcement_id BIGINT REFERENCES announcements (id) ON DELETE SET NULL",
            "CREATE INDEX notifications_announcement_idx ON notifications (announcement_id)",
        ]
    }, data: { database, _ in
        for role in StaffRole.allCases where role.defaultPermissions.contains(.announcementsSend) {
            try await database.raw("""
                INSERT INTO role_permissions (role, permission) VALUES (\(bind: role.rawValue), \(bind: AdminPermission.announcementsSend.rawValue))
                ON CONFLICT DO NOTHING
                """).run()
        }
    })
}
