import Foundation
import SQLKit

/// Sessions and their refresh tokens. Rotation keeps the old token's hash in `retired_refresh_tokens` so that a
/// replayed token is recognised (and its whole family revoked) rather than merely unknown.
public struct SessionRepository: Sendable {
    let store: Store
    let sql: any SQLDatabase

    public init(store: Store, on database: (any SQLDatabase)? = nil) {
        self.store = store
        self.sql = database ?? store.sql
    }

    /// The repository inside a transaction of the store.
    public init(store: Store, in transaction: StoreTransaction) {
        self.init(store: store, on: transaction.sql)
    }

    private static let columns: SQLQueryString = """
        id, user_id, family, device_info, ip_address, remember_me, created_at, last_used_at, expires_at, revoked_at,
        second_factor_at, reauthenticated_at
        """

    @discardableResult
    public func insert(_ session: NewSession, now: Date) async throws -> UserSession {
        let row = try await sql.raw("""
            INSERT INTO user_sessions (user_id, family, refresh_token_hash, device_info, ip_address, remember_me,
                                       created_at, last_used_at, expires_at, second_factor_at, reauthenticated_at)
            VALUES (\(bind: session.userID), \(bind: session.family), \(bind: session.refreshTokenHash),
                    \(bind: session.deviceInfo), \(bind: session.ipAddress), \(bind: session.rememberMe),
                    \(bind: now), \(bind: now), \(bind: session.expiresAt), \(bind: session.secondFactor ? now : nil),
                    \(bind: now))
            RETURNING \(Self.columns)
            """).first()
        guard let row else { throw StoreError.conflict("the session was not created") }
        return try Self.session(from: row)
    }

    /// The session whose current refresh token has this hash.
    public func find(refreshTokenHash: String) async throws -> UserSession? {
        try await sql.raw("SELECT \(Self.columns) FROM user_sessions WHERE refresh_token_hash = \(bind: refreshTokenHash)")
            .first().map(Self.session(from:))
    }

    public func find(family: String) async throws -> UserSession? {
        try await sql.raw("SELECT \(Self.columns) FROM user_sessions WHERE family = \(bind: family)")
            .first().map(Self.session(from:))
    }

    /// Notes that the owner proved who they are in the session just now: with a second factor when `secondFactor`
    /// (which also makes the session one opened with two factors), else with their password.
    public func markReauthenticated(family: String, secondFactor: Bool, now: Date) async throws {
        let factor: SQLQueryString = secondFactor ? ", second_factor_at = COALESCE(second_factor_at, \(bind: now))" : ""
        try await sql.raw("""
            UPDATE user_sessions SET reauthenticated_at = \(bind: now)\(factor) WHERE family = \(bind: family) AND revoked_at IS NULL
            """).run()
    }

    /// The rotated token with this hash and the session it belonged to.
    public func findRetired(tokenHash: String) async throws -> RetiredRefreshToken? {
        guard let row = try await sql.raw("""
            SELECT s.id, s.user_id, s.family, s.device_info, s.ip_address, s.remember_me, s.created_at, s.last_used_at,
                   s.expires_at, s.revoked_at, s.second_factor_at, s.reauthenticated_at, r.retired_at, r.successor_sealed
            FROM retired_refresh_tokens r JOIN user_sessions s ON s.id = r.session_id
            WHERE r.token_hash = \(bind: tokenHash)
            """).first()
        else { return nil }
        return RetiredRefreshToken(
            session: try Self.session(from: row),
            retiredAt: try row.decode(column: "retired_at", as: Date.self),
            successorSealed: try row.decodeIfPresent(column: "successor_sealed", as: String.self)
        )
    }

    /// Replaces the session's refresh token: the old hash is retired with the sealed successor, and the session's
    /// use time moves. Returns false when the old token was rotated meanwhile (a racing request won). Two
    /// statements: call it on a repository inside a transaction.
    public func rotate(
        sessionID: Int64, from oldHash: String, to newHash: String, successorSealed: String, now: Date
    ) async throws -> Bool {
        let updated = try await sql.raw("""
            UPDATE user_sessions SET refresh_token_hash = \(bind: newHash), last_used_at = \(bind: now)
            WHERE id = \(bind: sessionID) AND refresh_token_hash = \(bind: oldHash) AND revoked_at IS NULL
            RETURNING id
            """).all()
        guard !updated.isEmpty else { return false }
        try await sql.raw("""
            INSERT INTO retired_refresh_tokens (token_hash, session_id, retired_at, successor_sealed)
            VALUES (\(bind: oldHash), \(bind: sessionID), \(bind: now), \(bind: successorSealed))
            """).run()
        return true
    }

    /// Forgets the sealed successors older than `cutoff`, so a replay after the grace window finds none.
    public func dropSuccessors(retiredBefore cutoff: Date) async throws {
        try await sql.raw("""
            UPDATE retired_refresh_tokens SET successor_sealed = NULL
            WHERE successor_sealed IS NOT NULL AND retired_at < \(bind: cutoff)
            """).run()
    }

    public func revoke(sessionID: Int64, reason: SessionRevocation, now: Date) async throws {
        try await sql.raw("""
            UPDATE user_sessions SET revoked_at = \(bind: now), revoked_reason = \(bind: reason.rawValue)
            WHERE id = \(bind: sessionID) AND revoked_at IS NULL
            """).run()
    }

    /// Revokes every live session of the user but `keeping` (the caller's own, when it stays signed in).
    /// Returns how many were revoked.
    @discardableResult
    public func revokeAll(userID: Int64, keeping: Int64? = nil, reason: SessionRevocation, now: Date) async throws -> Int {
        try await sql.raw("""
            UPDATE user_sessions SET revoked_at = \(bind: now), revoked_reason = \(bind: reason.rawValue)
            WHERE user_id = \(bind: userID) AND revoked_at IS NULL AND id <> \(bind: keeping ?? -1)
            RETURNING id
            """).all().count
    }

    /// Revokes every live session of each of the users (accounts kept out together). Returns how many were revoked.
    @discardableResult
    public func revokeAll(userIDs: [Int64], reason: SessionRevocation, now: Date) async throws -> Int {
        guard !userIDs.isEmpty else { return 0 }
        return try await sql.raw("""
            UPDATE user_sessions SET revoked_at = \(bind: now), revoked_reason = \(bind: reason.rawValue)
            WHERE user_id IN (\(binds: userIDs)) AND revoked_at IS NULL
            RETURNING id
            """).all().count
    }

    /// The user's sessions that can still be used, newest first.
    public func active(userID: Int64, now: Date) async throws -> [UserSession] {
        try await sql.raw("""
            SELECT \(Self.columns) FROM user_sessions
            WHERE user_id = \(bind: userID) AND revoked_at IS NULL AND expires_at > \(bind: now)
            ORDER BY created_at DESC, id DESC
            """).all().map(Self.session(from:))
    }

    /// Revokes the oldest live sessions beyond `cap`. Returns how many were revoked.
    @discardableResult
    public func enforceCap(_ cap: Int, userID: Int64, now: Date) async throws -> Int {
        let live = try await active(userID: userID, now: now)
        guard live.count > cap else { return 0 }
        for session in live.dropFirst(cap) {
            try await revoke(sessionID: session.id, reason: .sessionCap, now: now)
        }
        return live.count - cap
    }

    /// Deletes sessions that expired or were revoked before `cutoff`, with their retired tokens.
    @discardableResult
    public func deleteFinished(before cutoff: Date) async throws -> Int {
        try await sql.raw("""
            DELETE FROM user_sessions WHERE expires_at < \(bind: cutoff) OR revoked_at < \(bind: cutoff) RETURNING id
            """).all().count
    }

    static func session(from row: any SQLRow) throws -> UserSession {
        UserSession(
            id: try row.decode(column: "id", as: Int64.self),
            userID: try row.decode(column: "user_id", as: Int64.self),
            family: try row.decode(column: "family", as: String.self),
            deviceInfo: try row.decode(column: "device_info", as: String.self),
            ipAddress: try row.decode(column: "ip_address", as: String.self),
            rememberMe: try row.decode(column: "remember_me", as: Bool.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            lastUsedAt: try row.decode(column: "last_used_at", as: Date.self),
            expiresAt: try row.decode(column: "expires_at", as: Date.self),
            revokedAt: try row.decodeIfPresent(column: "revoked_at", as: Date.self),
            secondFactorAt: try row.decodeIfPresent(column: "second_factor_at", as: Date.self),
            reauthenticatedAt: try row.decode(column: "reauthenticated_at", as: Date.self)
        )
    }
}
