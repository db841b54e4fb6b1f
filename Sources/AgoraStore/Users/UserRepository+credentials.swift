import AgoraDomain
import Foundation
import SQLKit

/// An account with its password hash, for the one place that checks a password. Never encoded or logged.
public struct UserCredentials: Sendable {
    public let account: UserAccount
    /// Nil for accounts that only sign in through a social provider.
    public let passwordHash: String?
}

extension UserRepository {
    public func credentials(email: Email) async throws -> UserCredentials? {
        try await credentials(where: "lower(email) = \(bind: email.value)")
    }

    public func credentials(id: Int64) async throws -> UserCredentials? {
        try await credentials(where: "id = \(bind: id)")
    }

    private func credentials(where condition: SQLQueryString) async throws -> UserCredentials? {
        let query: SQLQueryString = """
            SELECT id, first_name, last_name, email, phone, country_code, user_type, verification_status,
                   created_at, updated_at, password_hash
            FROM users WHERE
            """
        guard let row = try await sql.raw(query + " " + condition).first() else { return nil }
        return UserCredentials(
            account: try Self.account(from: row),
            passwordHash: try row.decodeIfPresent(column: "password_hash", as: String.self)
        )
    }

    public func setPasswordHash(_ hash: String, userID: Int64, now: Date) async throws {
        try await sql.raw("""
            UPDATE users SET password_hash = \(bind: hash), updated_at = \(bind: now) WHERE id = \(bind: userID)
            """).run()
    }

    /// Marks a pending account verified; a suspended account stays suspended.
    public func markVerified(userID: Int64, now: Date) async throws {
        try await sql.raw("""
            UPDATE users SET verification_status = \(state: VerificationStatus.verified), email_verified_at = \(bind: now), updated_at = \(bind: now)
            WHERE id = \(bind: userID) AND verification_status = \(state: VerificationStatus.pending)
            """).run()
    }
}
