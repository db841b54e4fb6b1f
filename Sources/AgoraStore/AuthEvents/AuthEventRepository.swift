import Foundation
import SQLKit

/// The authentication log, and the counts that the network lockout and the sign-in throttle are decided from.
public struct AuthEventRepository: Sendable {
    let sql: any SQLDatabase

    public init(store: Store, on database: (any SQLDatabase)? = nil) {
        self.sql = database ?? store.sql
    }

    /// The repository inside a transaction of the store.
    public init(store: Store, in transaction: StoreTransaction) {
        self.init(store: store, on: transaction.sql)
    }

    public func record(_ event: AuthEvent) async throws {
        try await sql.raw("""
            INSERT INTO auth_events (user_id, kind, outcome, ip_address, client_network, user_agent, subject, detail, created_at)
            VALUES (\(bind: event.userID), \(bind: event.kind.rawValue), \(bind: event.outcome.rawValue),
                    \(bind: String(event.ipAddress.prefix(64))), \(bind: String(event.network.prefix(64))), \(bind: String(event.userAgent.prefix(512))),
                    \(bind: event.subject), \(bind: String(event.detail.prefix(200))), \(bind: event.createdAt))
            """).run()
    }

    /// How many logins to one address (a `subject`) failed since `since` and since its last successful sign-in
    /// (a login, a reset or a sign-in link of that address), counting at most `limit`.
    public func failedLogins(subject: String, since: Date, limit: Int) async throws -> Int {
        try await sql.raw("""
            SELECT COUNT(*) AS n FROM (
                SELECT 1 FROM auth_events
                WHERE subject = \(bind: subject) AND kind = \(state: AuthEvent.Kind.login) AND outcome = \(state: AuthEvent.Outcome.failure) AND created_at >= \(bind: since)
                  AND created_at > COALESCE((SELECT MAX(created_at) FROM auth_events
                                             WHERE subject = \(bind: subject) AND outcome = \(state: AuthEvent.Outcome.success)
                                               AND kind IN (\(states: [AuthEvent.Kind.login, .resetPassword, .signInLink]))), \(bind: since))
                LIMIT \(bind: limit)
            ) AS failures
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// How many proofs of who one is failed for the account since `since` — second-factor codes at sign-in, codes
    /// and passwords at re-authentication — counting at most `limit`: the limit on guesses that holds across
    /// challenges and sessions.
    public func failedProofs(userID: Int64, since: Date, limit: Int) async throws -> Int {
        try await sql.raw("""
            SELECT COUNT(*) AS n FROM (
                SELECT 1 FROM auth_events
                WHERE user_id = \(bind: userID) AND kind IN (\(states: [AuthEvent.Kind.secondFactor, .reauthenticate]))
                  AND outcome = \(state: AuthEvent.Outcome.failure) AND created_at >= \(bind: since)
                LIMIT \(bind: limit)
            ) AS failures
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The times of the latest failed logins from one network (an IPv4 address or an IPv6 /64) since `since`,
    /// newest first.
    public func failedLogins(network: String, since: Date, limit: Int) async throws -> [Date] {
        try await sql.raw("""
            SELECT created_at FROM auth_events
            WHERE client_network = \(bind: network) AND kind = \(state: AuthEvent.Kind.login) AND outcome = \(state: AuthEvent.Outcome.failure) AND created_at >= \(bind: since)
            ORDER BY created_at DESC LIMIT \(bind: limit)
            """).all().map { try $0.decode(column: "created_at", as: Date.self) }
    }

    /// The user's log, newest first, for tests and the admin view.
    public func events(userID: Int64, limit: Int = 100) async throws -> [AuthEvent] {
        try await sql.raw("""
            SELECT user_id, kind, outcome, ip_address, client_network, user_agent, subject, detail, created_at FROM auth_events
            WHERE user_id = \(bind: userID) ORDER BY created_at DESC, id DESC LIMIT \(bind: limit)
            """).all().compactMap { row in
                guard let kind = AuthEvent.Kind(rawValue: try row.decode(column: "kind", as: String.self)),
                      let outcome = AuthEvent.Outcome(rawValue: try row.decode(column: "outcome", as: String.self))
                else { return nil }
                return AuthEvent(
                    userID: try row.decodeIfPresent(column: "user_id", as: Int64.self), kind: kind, outcome: outcome,
                    ipAddress: try row.decode(column: "ip_address", as: String.self),
                    network: try row.decode(column: "client_network", as: String.self),
                    userAgent: try row.decode(column: "user_agent", as: String.self),
                    subject: try row.decode(column: "subject", as: String.self),
                    detail: try row.decode(column: "detail", as: String.self),
                    createdAt: try row.decode(column: "created_at", as: Date.self)
                )
            }
    }
}
