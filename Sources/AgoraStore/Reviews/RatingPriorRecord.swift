import AgoraDomain
import Foundation
import SQLKit

/// The one current `RatingPrior`, in `rating_prior` (one row; none: `RatingPrior.standard`). Every change that can move
/// the public providers' mean rating — a rating written, a profile published or taken offline, an account suspended or
/// back — calls `follow` in its transaction; when the prior moves, the whole site is queued, since every page that
/// shows a rating was computed with the old one. The pages, the API, search and routing all read `current`.
enum RatingPriorRecord {
    static func current(on db: any SQLDatabase) async throws -> RatingPrior {
        guard let row = try await db.raw("SELECT tenths FROM rating_prior WHERE id = 1").first() else { return .standard }
        return RatingPrior(tenths: try row.decode(column: "tenths", as: Int.self))
    }

    /// The exact mean of the public providers' ratings, each provider's mean counted once per rating; nil before any.
    static func exactMean(on db: any SQLDatabase) async throws -> Double? {
        let row = try await db.raw("""
            SELECT SUM(s.rating_average * s.rating_count) AS points, SUM(s.rating_count) AS ratings
            FROM user_statistics s JOIN user_profiles p ON p.user_id = s.user_id JOIN users u ON u.id = s.user_id
            WHERE s.rating_count > 0 AND \(ProviderRepository.publicFilter)
            """).first()
        guard let row, let ratings = try row.decodeIfPresent(column: "ratings", as: Int.self), ratings > 0,
              let points = try row.decodeIfPresent(column: "points", as: Double.self) else { return nil }
        return points / Double(ratings)
    }

    /// Moves the prior after the exact mean (`RatingPrior.following`); when it moved, queues the whole site (unless
    /// `queuingSite` is false: a seed or a migration, after which the site is built whole anyway) and returns the new
    /// prior.
    @discardableResult
    static func follow(now: Date, on db: any SQLDatabase, queuingSite: Bool = true) async throws -> RatingPrior? {
        let current = try await current(on: db)
        let exact = try await exactMean(on: db)
        let next = current.following(exact)
        guard next != current else { return nil }
        try await db.raw("""
            INSERT INTO rating_prior (id, tenths, exact_mean, updated_at) VALUES (1, \(bind: next.tenths), \(bind: exact), \(bind: now))
            ON CONFLICT (id) DO UPDATE SET tenths = excluded.tenths, exact_mean = excluded.exact_mean, updated_at = excluded.updated_at
            """).run()
        if queuingSite {
            try await SiteChangeQueue.enqueue([.site], reason: "the marketplace's mean rating moved to \(next)", now: now, on: db)
        }
        return next
    }
}
