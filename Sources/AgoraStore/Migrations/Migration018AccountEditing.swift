import AgoraDomain
import SQLKit

extension Migrations {
    /// The `users.edit` permission (forcing a password reset, confirming an address by hand), given to the roles whose
    /// defaults hold it. A database made after the permission existed already has the rows.
    static let accountEditing = Migration(version: 18, name: "users.edit permission", statements: { _ in [] }, data: { database, _ in
        for role in StaffRole.allCases where role.defaultPermissions.contains(.usersEdit) {
            try await database.raw("""
                INSERT INTO role_permissions (role, permission) VALUES (\(bind: role.rawValue), \(bind: AdminPermission.usersEdit.rawValue))
                ON CONFLICT DO NOTHING
                """).run()
        }
    })
}
