import Foundation
import SQLKit

/// The answers of money-moving requests by their `Idempotency-Key` (`idempotent_requests`), per person: a retry of
/// the same request gets the first answer without a second effect. A key is claimed before the work and answered
/// after it; a request that failed gives its key back, so that it can be sent again. A claim left unanswered for
/// longer than any request takes (the service was killed mid-request) is taken over by the next request with the key:
/// the work is idempotent by its own ledger keys, so doing it again finds what the first attempt did.
public struct IdempotentRequestLog: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// How long answers are kept (Stripe keeps its for 24 hours).
    public static let retention: TimeInterval = 86_400

    /// How long an unanswered claim stands before it counts as abandoned.
    public static let abandonedAfter: TimeInterval = 60

    public enum Claim: Sendable, Hashable {
        /// The key is new: do the work, then `answer`.
        case claimed
        /// The same request was answered before: its status and body.
        case answered(status: Int, body: String)
        /// The key was used for another request, or is still being answered.
        case conflict(String)
    }

    public func claim(userID: Int64, key: String, operation: String, requestHash: String, now: Date) async throws -> Claim {
        let inserted = try await store.sql.raw("""
            INSERT INTO idempotent_requests (user_id, idempotency_key, operation, request_hash, created_at)
            VALUES (\(bind: userID), \(bind: key), \(bind: operation), \(bind: requestHash), \(bind: now))
            ON CONFLICT (user_id, idempotency_key) DO NOTHING
            RETURNING user_id
            """).all()
        if !inserted.isEmpty { return .claimed }
        guard let row = try await store.sql.raw("""
            SELECT operation, request_hash, response_status, response_body FROM idempotent_requests
            WHERE user_id = \(bind: userID) AND idempotency_key = \(bind: key)
            """).first() else { return try await claim(userID: userID, key: key, operation: operation, requestHash: requestHash, now: now) }
        guard try row.decode(column: "operation", as: String.self) == operation,
              try row.decode(column: "request_hash", as: String.self) == requestHash else {
            return .conflict("this Idempotency-Key was used for another request; use a new key for a new request")
        }
        guard let status = try row.decodeIfPresent(column: "response_status", as: Int.self),
              let body = try row.decodeIfPresent(column: "response_body", as: String.self) else {
            let takenOver = try await store.sql.raw("""
                UPDATE idempotent_requests SET created_at = \(bind: now)
                WHERE user_id = \(bind: userID) AND idempotency_key = \(bind: key) AND response_status IS NULL
                    AND created_at < \(bind: now.addingTimeInterval(-Self.abandonedAfter))
                RETURNING user_id
                """).all()
            if !takenOver.isEmpty { return .claimed }
            return .conflict("a request with this Idempotency-Key is still being answered; send it again in a moment")
        }
        return .answered(status: status, body: body)
    }

    public func answer(userID: Int64, key: String, status: Int, body: String) async throws {
        try await store.sql.raw("""
            UPDATE idempotent_requests SET response_status = \(bind: status), response_body = \(bind: body)
            WHERE user_id = \(bind: userID) AND idempotency_key = \(bind: key)
            """).run()
    }

    public func release(userID: Int64, key: String) async throws {
        try await store.sql.raw("""
            DELETE FROM idempotent_requests WHERE user_id = \(bind: userID) AND idempotency_key = \(bind: key) AND response_status IS NULL
            """).run()
    }

    /// Forgets answers older than `retention`; returns how many.
    public func prune(now: Date) async throws -> Int {
        try await store.sql.raw("""
            DELETE FROM idempotent_requests WHERE created_at < \(bind: now.addingTimeInterval(-Self.retention)) RETURNING user_id
            """).all().count
    }
}
