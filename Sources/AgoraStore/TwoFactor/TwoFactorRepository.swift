import Foundation
import SQLKit

/// Authenticator secrets and recovery codes. Every "use" is one conditional statement, so two requests presenting
/// the same code at once cannot both succeed.
public struct TwoFactorRepository: Sendable {
    let sql: any SQLDatabase

    public init(store: Store, on database: (any SQLDatabase)? = nil) {
        self.sql = database ?? store.sql
    }

    /// The repository inside a transaction of the store.
    public init(store: Store, in transaction: StoreTransaction) {
        self.init(store: store, on: transaction.sql)
    }

    public func credential(userID: Int64) async throws -> TwoFactorCredential? {
        try await sql.raw("""
            SELECT user_id, secret_sealed, confirmed_at, last_used_step FROM two_factor_credentials WHERE user_id = \(bind: userID)
            """).first().map { row in
            TwoFactorCredential(
                userID: try row.decode(column: "user_id", as: Int64.self),
                secretSealed: try row.decode(column: "secret_sealed", as: String.self),
                confirmedAt: try row.decodeIfPresent(column: "confirmed_at", as: Date.self),
                lastUsedStep: try row.decode(column: "last_used_step", as: Int64.self)
            )
        }
    }

    /// Whether the account signs in with two factors.
    public func isEnabled(userID: Int64) async throws -> Bool {
        try await credential(userID: userID)?.isConfirmed ?? false
    }

    /// Starts (or restarts) an enrolment with a new secret. Returns false, changing nothing, when the account already
    /// has a confirmed secret: that one is replaced only by turning two factors off first.
    public func beginEnrolment(userID: Int64, secretSealed: String, now: Date) async throws -> Bool {
        let rows = try await sql.raw("""
            INSERT INTO two_factor_credentials (user_id, secret_sealed, created_at)
            VALUES (\(bind: userID), \(bind: secretSealed), \(bind: now))
            ON CONFLICT (user_id) DO UPDATE SET secret_sealed = excluded.secret_sealed, created_at = excluded.created_at,
                last_used_step = 0
            WHERE two_factor_credentials.confirmed_at IS NULL
            RETURNING user_id
            """).all()
        return !rows.isEmpty
    }

    /// Confirms the pending secret with the step of the code that was typed. False when there is nothing pending.
    public func confirm(userID: Int64, step: Int64, now: Date) async throws -> Bool {
        let rows = try await sql.raw("""
            UPDATE two_factor_credentials SET confirmed_at = \(bind: now), last_used_step = \(bind: step)
            WHERE user_id = \(bind: userID) AND confirmed_at IS NULL
            RETURNING user_id
            """).all()
        return !rows.isEmpty
    }

    /// Spends a time step: true only if it is later than every step used before.
    public func use(step: Int64, userID: Int64) async throws -> Bool {
        let rows = try await sql.raw("""
            UPDATE two_factor_credentials SET last_used_step = \(bind: step)
            WHERE user_id = \(bind: userID) AND confirmed_at IS NOT NULL AND last_used_step < \(bind: step)
            RETURNING user_id
            """).all()
        return !rows.isEmpty
    }

    /// Removes the secret and the recovery codes. Two statements: call it inside a transaction.
    public func remove(userID: Int64) async throws {
        try await sql.raw("DELETE FROM recovery_codes WHERE user_id = \(bind: userID)").run()
        try await sql.raw("DELETE FROM two_factor_credentials WHERE user_id = \(bind: userID)").run()
    }

    /// Replaces every recovery code of the account. Call it inside a transaction.
    public func replaceRecoveryCodes(userID: Int64, hashes: [String], now: Date) async throws {
        try await sql.raw("DELETE FROM recovery_codes WHERE user_id = \(bind: userID)").run()
        for hash in hashes {
            try await sql.raw("""
                INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES (\(bind: userID), \(bind: hash), \(bind: now))
                """).run()
        }
    }

    /// Spends a recovery code: true if it was the account's and unused.
    public func useRecoveryCode(hash: String, userID: Int64, now: Date) async throws -> Bool {
        let rows = try await sql.raw("""
            UPDATE recovery_codes SET used_at = \(bind: now)
            WHERE user_id = \(bind: userID) AND code_hash = \(bind: hash) AND used_at IS NULL
            RETURNING user_id
            """).all()
        return !rows.isEmpty
    }

    public func unusedRecoveryCodes(userID: Int64) async throws -> Int {
        try await sql.raw("""
            SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id = \(bind: userID) AND used_at IS NULL
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
