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
        try await sql.raw("""
            SELECT u.id, u.first_name, u.last_name, u.email, u.phone, u.country_code, u.user_type, u.verification_status,
                   u.created_at, u.updated_at, s.role
            FROM staff_members s JOIN users u ON u.id = s.user_id ORDER BY u.id
            """).all().compactMap { row in
                guard let role = StaffRole(rawValue: try row.decode(column: "role", as: String.self)) else { return nil }
                return (try UserRepository.account(from: row), role)
            }
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

    /// Takes the account out of the staff: its role goes and every session ends at once, audited in the same
    /// transaction. Nil when the account was not staff.
    public func remove(_ userID: Int64, by actor: AuditActor, now: Date) async throws -> StaffRole? {
        try await store.inTransaction { [store] transaction in
            let staff = StaffRepository(store: store, in: transaction)
            guard let current = try await staff.role(of: userID) else { return nil }
            try await transaction.sql.raw("DELETE FROM staff_members WHERE user_id = \(bind: userID)").run()
            _ = try await SessionRepository(store: store, in: transaction).revokeAll(userID: userID, reason: .removedFromStaff, now: now)
            try await AuditLog(store: store, in: transaction).append(actor.entry(
                .staffRemoved, on: .staffMember, id: userID, before: ["role": current.rawValue], after: [:], at: now
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

    /// The account's role and whether it may do something, as the table says today, in one query: nil when the
    /// account is not staff.
    public func access(of userID: Int64, to permission: AdminPermission) async throws -> (role: StaffRole, permitted: Bool)? {
        guard let row = try await sql.raw("""
            SELECT s.role, p.permission FROM staff_members s
            LEFT JOIN role_permissions p ON p.role = s.role AND p.permission = \(bind: permission.rawValue)
            WHERE s.user_id = \(bind: userID)
            """).first(),
            let role = StaffRole(rawValue: try row.decode(column: "role", as: String.self))
        else { return nil }
        return (role, try row.decodeIfPresent(column: "permission", as: String.self) != nil)
    }
}
