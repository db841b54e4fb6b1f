import Foundation
import SQLKit

/// The challenges a password sign-in leaves when the account has two factors, stored as hashes of their tokens.
public struct SecondFactorChallengeRepository: Sendable {
    let sql: any SQLDatabase

    public init(store: Store, on database: (any SQLDatabase)? = nil) {
        self.sql = database ?? store.sql
    }

    /// The repository inside a transaction of the store.
    public init(store: Store, in transaction: StoreTransaction) {
        self.init(store: store, on: transaction.sql)
    }

    public func insert(tokenHash: String, userID: Int64, rememberMe: Bool, expiresAt: Date, now: Date) async throws {
        try await sql.raw("""
            INSERT INTO second_factor_challenges (token_hash, user_id, remember_me, expires_at, created_at)
            VALUES (\(bind: tokenHash), \(bind: userID), \(bind: rememberMe), \(bind: expiresAt), \(bind: now))
            """).run()
    }

    public func find(tokenHash: String) async throws -> SecondFactorChallenge? {
        try await sql.raw("""
            SELECT user_id, remember_me, failures, expires_at FROM second_factor_challenges WHERE token_hash = \(bind: tokenHash)
            """).first().map(Self.challenge(from:))
    }

    /// Counts a wrong code against the challenge and returns the count; the challenge is gone once it reaches
    /// `limit`.
    public func recordFailure(tokenHash: String, limit: Int) async throws -> Int {
        let failures = try await sql.raw("""
            UPDATE second_factor_challenges SET failures = failures + 1 WHERE token_hash = \(bind: tokenHash) RETURNING failures
            """).first()?.decode(column: "failures", as: Int.self) ?? limit
        if failures >= limit {
            try await sql.raw("DELETE FROM second_factor_challenges WHERE token_hash = \(bind: tokenHash)").run()
        }
        return failures
    }

    /// Uses the challenge up: whoever deletes it first is the one who signs in.
    public func consume(tokenHash: String) async throws -> SecondFactorChallenge? {
        try await sql.raw("""
            DELETE FROM second_factor_challenges WHERE token_hash = \(bind: tokenHash)
            RETURNING user_id, remember_me, failures, expires_at
            """).first().map(Self.challenge(from:))
    }

    public func deleteExpired(before cutoff: Date) async throws -> Int {
        try await sql.raw("""
            DELETE FROM second_factor_challenges WHERE expires_at < \(bind: cutoff) RETURNING token_hash
            """).all().count
    }

    static func challenge(from row: any SQLRow) throws -> SecondFactorChallenge {
        SecondFactorChallenge(
            userID: try row.decode(column: "user_id", as: Int64.self),
            rememberMe: try row.decode(column: "remember_me", as: Bool.self),
            failures: try row.decode(column: "failures", as: Int.self),
            expiresAt: try row.decode(column: "expires_at", as: Date.self)
        )
    }
}
