import AgoraDomain
import Foundation
import SQLKit

/// Staff accounts' roles, and what each role may do.
public struct StaffRepository: Sendable {
    let store: Store
    let sql: any SQLDatabase

    public init(store: Store) {
        self.store = store
        self.sql = store.sql
    }

    /// The repository inside a transaction of the store.
    public init(store: Store, in transaction: StoreTransaction) {
        self.store = store
        self.sql = transaction.sql
    }

    /// Gives an account a role, replacing the one it had.
    public func grant(_ role: StaffRole, to userID: Int64, by grantor: Int64?, now: Date) async throws {
        try await sql.raw("DELETE FROM staff_members WHERE user_id = \(bind: userID)").run()
        try await sql.raw("""
            INSERT INTO staff_members (user_id, role, granted_by, granted_at) VALUES (\(bind: userID), \(bind: role.rawValue), \(bind: grantor), \(bind: now))
            """).run()
    }

    /// Every staff account with its role, by name.
    public func members() async throws -> [(account: UserAccount, role: StaffRole)] {
        let rows = try await sql.raw("""
            SELECT user_id, role FROM staff_members ORDER BY user_id
            """).all()
        var members: [(account: UserAccount, role: StaffRole)] = []
        for row in rows {
            guard let role = StaffRole(rawValue: try row.decode(column: "role", as: String.self)),
                  let account = try await UserRepository(store: store, on: sql).find(id: try row.decode(column: "user_id", as: Int64.self)) else { continue }
            members.append((account, role))
        }
        return members
    }

    /// Changes a staff account's role, audited in the same transaction; nil when the account is not staff.
    public func change(_ userID: Int64, to role: StaffRole, by actor: AuditActor, now: Date) async throws -> StaffRole? {
        try await store.inTransaction { [store] transaction in
            let staff = StaffRepository(store: store, in: transaction)
            guard let current = try await staff.role(of: userID) else { return nil }
            try await staff.grant(role, to: userID, by: actor.userID, now: now)
            try await AuditLog(store: store, in: transaction).append(actor.entry(
                .staffRoleChanged, on: .staffMember, id: userID, before: ["role": current.rawValue], after: ["role": role.rawValue], at: now
            ))
            return current
        }
    }

    /// What each role may do, as the table says today.
    public func permissions() async throws -> [StaffRole: Set<AdminPermission>] {
        var table = Dictionary(uniqueKeysWithValues: StaffRole.allCases.map { ($0, Set<AdminPermission>()) })
        for row in try await sql.raw("SELECT role, permission FROM role_permissions").all() {
            guard let role = StaffRole(rawValue: try row.decode(column: "role", as: String.self)),
                  let permission = AdminPermission(rawValue: try row.decode(column: "permission", as: String.self)) else { continue }
            table[role, default: []].insert(permission)
        }
        return table
    }

    /// Replaces what a role may do, audited in the same transaction. The owner's role always keeps everything, so
    /// that the owners can never lose the way back.
    public func setPermissions(_ permissions: Set<AdminPermission>, of role: StaffRole, by actor: AuditActor, now: Date) async throws {
        guard role != .owner else { throw StoreError.conflict("the owner role always has every permission") }
        try await store.inTransaction { [store] transaction in
            let db = transaction.sql
            let before = Set(try await db.raw("SELECT permission FROM role_permissions WHERE role = \(bind: role.rawValue)").all()
                .map { try $0.decode(column: "permission", as: String.self) })
            try await db.raw("DELETE FROM role_permissions WHERE role = \(bind: role.rawValue)").run()
            for permission in permissions.sorted(by: { $0.rawValue < $1.rawValue }) {
                try await db.raw("""
                    INSERT INTO role_permissions (role, permission) VALUES (\(bind: role.rawValue), \(bind: permission.rawValue))
                    """).run()
            }
            try await AuditLog(store: store, in: transaction).append(actor.entry(
                .rolePermissionsChanged, on: .staffRole, id: role.number,
                before: ["role": role.rawValue, "permissions": before.sorted().joined(separator: " ")],
                after: ["role": role.rawValue, "permissions": permissions.map(\.rawValue).sorted().joined(separator: " ")], at: now
            ))
        }
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
