import AgoraDomain
import Foundation
import SQLKit

/// Reads and writes accounts. Emails are stored lower-case and unique whatever their case.
public struct UserRepository: Sendable {
    let store: Store
    let sql: any SQLDatabase

    /// A repository on the store's pool, or on `database` when the caller runs a transaction.
    public init(store: Store, on database: (any SQLDatabase)? = nil) {
        self.store = store
        self.sql = database ?? store.sql
    }

    /// The repository inside a transaction of the store.
    public init(store: Store, in transaction: StoreTransaction) {
        self.init(store: store, on: transaction.sql)
    }

    /// Creates the account and returns its id. Throws `StoreError.conflict` when the email is taken.
    @discardableResult
    public func insert(_ user: NewUser, now: Date) async throws -> Int64 {
        let row = try await store.uniqueOrConflict("an account with this email already exists") {
            try await sql.raw("""
            INSERT INTO users (first_name, last_name, email, password_hash, phone, country_code, user_type,
                               verification_status, terms_version, privacy_version, legal_accepted_at,
                               email_verified_at, created_at, updated_at)
            VALUES (\(bind: user.firstName), \(bind: user.lastName), \(bind: user.email.value), \(bind: user.passwordHash),
                    \(bind: user.phone), \(bind: user.countryCode), \(bind: user.userType.rawValue),
                    \(bind: user.verificationStatus.rawValue), \(bind: user.legal?.terms), \(bind: user.legal?.privacy),
                    \(bind: user.legal == nil ? nil : now), \(bind: user.verificationStatus == .verified ? now : nil),
                    \(bind: now), \(bind: now))
            RETURNING id
            """).first()
        }
        guard let id = try row?.decode(column: "id", as: Int64.self) else {
            throw StoreError.conflict("the account was not created")
        }
        return id
    }

    public func find(email: Email) async throws -> UserAccount? {
        try await sql.raw("""
            SELECT \(UserRepository.accountColumns)
            FROM users WHERE lower(email) = \(bind: email.value)
            """).first().map(Self.account(from:))
    }

    public func find(id: Int64) async throws -> UserAccount? {
        try await sql.raw("""
            SELECT \(UserRepository.accountColumns)
            FROM users WHERE id = \(bind: id)
            """).first().map(Self.account(from:))
    }

    public func delete(id: Int64) async throws {
        try await sql.raw("DELETE FROM users WHERE id = \(bind: id)").run()
    }

    public func count() async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM users").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The accounts with these ids that exist, by id.
    public func find(ids: [Int64]) async throws -> [UserAccount] {
        guard !ids.isEmpty else { return [] }
        return try await sql.raw("SELECT \(Self.accountColumns) FROM users WHERE id IN (\(binds: ids)) ORDER BY id").all().map(Self.account(from:))
    }

    /// What `account(from:)` reads.
    static let accountColumns: SQLQueryString = "id, first_name, last_name, email, phone, country_code, user_type, verification_status, created_at, updated_at"

    static func account(from row: any SQLRow) throws -> UserAccount {
        guard let userType = UserType(rawValue: try row.decode(column: "user_type", as: String.self)),
              let status = VerificationStatus(rawValue: try row.decode(column: "verification_status", as: String.self))
        else { throw StoreError.conflict("an account row holds an unknown type or status") }
        return UserAccount(
            id: try row.decode(column: "id", as: Int64.self),
            firstName: try row.decode(column: "first_name", as: String.self),
            lastName: try row.decode(column: "last_name", as: String.self),
            email: try Email(try row.decode(column: "email", as: String.self)),
            phone: try row.decodeIfPresent(column: "phone", as: String.self),
            countryCode: try row.decodeIfPresent(column: "country_code", as: String.self),
            userType: userType,
            verificationStatus: status,
            createdAt: try row.decode(column: "created_at", as: Date.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self)
        )
    }
}
