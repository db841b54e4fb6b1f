import AgoraDomain
import Foundation
import SQLKit

/// Staff accounts' roles, and what each role may do.
public struct StaffRepository: Sendable {
    let sql: any SQLDatabase

    public init(store: Store) {
        self.sql = store.sql
    }

    /// The repository inside a transaction of the store.
    public init(store: Store, in transaction: StoreTransaction) {
        self.sql = transaction.sql
    }

    /// Gives an account a role, replacing the one it had.
    public func grant(_ role: StaffRole, to userID: Int64, by grantor: Int64?, now: Date) async throws {
        try await sql.raw("DELETE FROM staff_members WHERE user_id = \(bind: userID)").run()
        try await sql.raw("""
            INSERT INTO staff_members (user_id, role, granted_by, granted_at) VALUES (\(bind: userID), \(bind: role.rawValue), \(bind: grantor), \(bind: now))
            """).run()
    }

    /// The account's role, if it is staff.
    public func role(of userID: Int64) async throws -> StaffRole? {
        try await sql.raw("SELECT role FROM staff_members WHERE user_id = \(bind: userID)").first()
            .flatMap { StaffRole(rawValue: try $0.decode(column: "role", as: String.self)) }
    }

    /// Whether the role may do something, as the table says today.
    public func permits(_ role: StaffRole, _ permission: AdminPermission) async throws -> Bool {
        try await sql.raw("""
            SELECT 1 AS granted FROM role_permissions WHERE role = \(bind: role.rawValue) AND permission = \(bind: permission.rawValue)
            """).first() != nil
    }
}
