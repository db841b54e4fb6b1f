import Foundation
import SQLKit

/// What a single-use token proves when it comes back by email link.
public enum OneTimeTokenPurpose: Sendable {
    case emailVerification
    case passwordReset
    /// Signs in without the password, sent to an owner whose address drew repeated failed sign-ins.
    case signInLink

    var table: SQLQueryString {
        switch self {
        case .emailVerification: "email_verifications"
        case .passwordReset: "password_resets"
        case .signInLink: "sign_in_links"
        }
    }
}

/// The outcome of presenting a single-use token.
public enum OneTimeTokenRedemption: Sendable, Equatable {
    /// The token was valid and is now used up.
    case redeemed(userID: Int64)
    /// The token exists but is past its expiry; it was deleted.
    case expired(userID: Int64)
    case unknown
}

/// What a single-use token is worth before it is used.
public enum OneTimeTokenState: Sendable, Equatable {
    case valid(userID: Int64)
    case expired(userID: Int64)
    case unknown
}

/// Single-use tokens sent by email (verification, password reset, sign-in link), stored as hashes only.
public struct OneTimeTokenRepository: Sendable {
    let purpose: OneTimeTokenPurpose
    let sql: any SQLDatabase

    public init(_ purpose: OneTimeTokenPurpose, store: Store, on database: (any SQLDatabase)? = nil) {
        self.purpose = purpose
        self.sql = database ?? store.sql
    }

    /// The repository inside a transaction of the store.
    public init(_ purpose: OneTimeTokenPurpose, store: Store, in transaction: StoreTransaction) {
        self.init(purpose, store: store, on: transaction.sql)
    }

    public func insert(userID: Int64, tokenHash: String, expiresAt: Date, now: Date) async throws {
        try await sql.raw("""
            INSERT INTO \(purpose.table) (user_id, token_hash, expires_at, created_at)
            VALUES (\(bind: userID), \(bind: tokenHash), \(bind: expiresAt), \(bind: now))
            """).run()
    }

    /// Deletes the token in the same statement that reads it, so two requests cannot both redeem it.
    public func redeem(tokenHash: String, now: Date) async throws -> OneTimeTokenRedemption {
        guard let row = try await sql.raw("""
            DELETE FROM \(purpose.table) WHERE token_hash = \(bind: tokenHash) RETURNING user_id, expires_at
            """).first()
        else { return .unknown }
        let userID = try row.decode(column: "user_id", as: Int64.self)
        return try row.decode(column: "expires_at", as: Date.self) > now ? .redeemed(userID: userID) : .expired(userID: userID)
    }

    /// What the token is worth, without using it up: a request can tell a worthless token from a good one before
    /// it spends anything on it.
    public func state(tokenHash: String, now: Date) async throws -> OneTimeTokenState {
        guard let row = try await sql.raw("""
            SELECT user_id, expires_at FROM \(purpose.table) WHERE token_hash = \(bind: tokenHash)
            """).first()
        else { return .unknown }
        let userID = try row.decode(column: "user_id", as: Int64.self)
        return try row.decode(column: "expires_at", as: Date.self) > now ? .valid(userID: userID) : .expired(userID: userID)
    }

    /// Removes the user's other tokens of this kind, e.g. once one of them was used.
    public func deleteAll(userID: Int64) async throws {
        try await sql.raw("DELETE FROM \(purpose.table) WHERE user_id = \(bind: userID)").run()
    }

    /// How many tokens of this kind the user was sent since `since`, for per-address limits.
    public func count(userID: Int64, since: Date) async throws -> Int {
        try await sql.raw("""
            SELECT COUNT(*) AS n FROM \(purpose.table) WHERE user_id = \(bind: userID) AND created_at >= \(bind: since)
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    @discardableResult
    public func deleteExpired(now: Date) async throws -> Int {
        try await sql.raw("DELETE FROM \(purpose.table) WHERE expires_at <= \(bind: now) RETURNING user_id").all().count
    }
}
