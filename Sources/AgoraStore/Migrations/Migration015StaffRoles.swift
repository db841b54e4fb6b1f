import AgoraDomain
import SQLKit

extension Migrations {
    /// Staff roles: the role of each staff account, and what each role may do (the domain's defaults, which the
    /// owner can change). Administrators made before roles existed become owners.
    static let staffRoles = Migration(version: 15, name: "staff roles", statements: { dialect in
        [
            """
            CREATE TABLE staff_members (
                user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                role TEXT NOT NULL,
                granted_by BIGINT,
                granted_at \(dialect.timestamp) NOT NULL
            )
            """,
            """
            CREATE TABLE role_permissions (
                role TEXT NOT NULL,
                permission TEXT NOT NULL,
                PRIMARY KEY (role, permission)
            )
            """,
            """
            INSERT INTO staff_members (user_id, role, granted_at)
            SELECT id, 'owner', created_at FROM users WHERE user_type = 'admin'
            """,
        ]
    }, data: { database, _ in
        for role in StaffRole.allCases {
            for permission in role.defaultPermissions.sorted(by: { $0.rawValue < $1.rawValue }) {
                try await database.raw("""
                    INSERT INTO role_permissions (role, permission) VALUES (\(bind: role.rawValue), \(bind: permission.rawValue))
                    """).run()
            }
        }
    })
}
