import Foundation
import SQLKit

/// The accepted hits of every rate limit, in the database, so that every instance of the service counts the same
/// ones: a sliding window, exact. A hit is checked and recorded in one transaction — on PostgreSQL under a lock on
/// the limit and key, so two instances cannot both take the last place — and a refused hit is not recorded, so a
/// key holds at most a limit's worth of rows per window.
public struct RateLimitHits: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// How long hits are kept (the clean-up deletes older ones): no limit's window may be longer.
    public static let retention: TimeInterval = 24 * 3_600

    /// The outcome of a hit: taken, or refused with the time of the oldest hit still in the window.
    public enum Outcome: Sendable, Equatable {
        case taken
        case refused(oldest: Date)
    }

    /// Takes a place for `key` under limit `name` (at most `limit` hits within `window` seconds before `now`).
    public func hit(name: String, key: String, limit: Int, window: TimeInterval, now: Date) async throws -> Outcome {
        let since = now.addingTimeInterval(-window)
        let engine = store.engine
        return try await store.inTransaction { transaction in
            if engine == .postgresql {
                try await transaction.sql.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: name + "|" + key)))").run()
            }
            let recent = try await transaction.sql.raw("""
                SELECT hit_at FROM rate_limit_hits
                WHERE name = \(bind: name) AND key = \(bind: key) AND hit_at > \(bind: since)
                ORDER BY hit_at LIMIT \(bind: limit)
                """).all().map { try $0.decode(column: "hit_at", as: Date.self) }
            if recent.count >= limit, let oldest = recent.first { return .refused(oldest: oldest) }
            try await transaction.sql.raw("""
                INSERT INTO rate_limit_hits (name, key, hit_at) VALUES (\(bind: name), \(bind: key), \(bind: now))
                """).run()
            return .taken
        }
    }

    /// Deletes hits older than `cutoff`, which no window reaches any more; returns how many.
    @discardableResult
    public func purge(before cutoff: Date) async throws -> Int {
        try await store.inTransaction { transaction in
            try await transaction.sql.raw("DELETE FROM rate_limit_hits WHERE hit_at < \(bind: cutoff) RETURNING id").all().count
        }
    }
}
