import AgoraDomain
import Foundation
import SQLKit

/// The one writer of a member's rating: recomputed from their published reviews (`RatingSummary`) in the
/// transaction that publishes, hides, restores or removes one of them, kept in `rating_summaries` with the mean and
/// count `user_statistics` shares with search and the pages; then the marketplace's prior follows (`RatingPriorRecord`),
/// the search index follows and a public provider's page is queued.
enum ReviewRating {
    static func refresh(_ userID: Int64, reason: String, now: Date, on db: any SQLDatabase, engine: Store.Engine) async throws {
        let summary = RatingSummary(try await published(of: userID, on: db), at: now)
        try await db.raw("DELETE FROM rating_summaries WHERE user_id = \(bind: userID)").run()
        let stars = summary.distribution
        let aspects = SubRating.allCases.map { summary.subRatings[$0] }
        try await db.raw("""
            INSERT INTO rating_summaries (user_id, review_count, average, lower_bound, stars_1, stars_2, stars_3, stars_4, stars_5,
                                          communication, quality, timeliness, value, updated_at)
            VALUES (\(bind: userID), \(bind: summary.count), \(bind: summary.average), \(bind: summary.lowerBound), \(bind: stars[0]), \(bind: stars[1]),
                    \(bind: stars[2]), \(bind: stars[3]), \(bind: stars[4]), \(bind: aspects[0]), \(bind: aspects[1]), \(bind: aspects[2]), \(bind: aspects[3]),
                    \(bind: now))
            """).run()
        try await db.raw("""
            UPDATE user_statistics SET rating_average = \(bind: summary.average), rating_count = \(bind: summary.count),
                rating_bound = \(bind: summary.lowerBound), updated_at = \(bind: now)
            WHERE user_id = \(bind: userID)
            """).run()
        try await RatingPriorRecord.follow(now: now, on: db)
        try await ProviderRecord.recordChanged(userID, reason: reason, now: now, on: db, engine: engine)
    }

    /// The member's published reviews as the rating counts them.
    static func published(of userID: Int64, on db: any SQLDatabase) async throws -> [RatedReview] {
        try await db.raw("""
            SELECT \(Review.columns) FROM reviews r WHERE r.reviewee_id = \(bind: userID) AND r.status = \(state: ReviewStatus.published)
            """).all().map { try Review(row: $0).rated }
    }

    /// The stored summary; `RatingSummary.none` for a member without one.
    static func summary(of userID: Int64, on db: any SQLDatabase) async throws -> RatingSummary {
        guard let row = try await db.raw("SELECT * FROM rating_summaries WHERE user_id = \(bind: userID)").first() else { return .none }
        return try summary(from: row)
    }

    static func summary(from row: any SQLRow) throws -> RatingSummary {
        var aspects: [SubRating: Double] = [:]
        for aspect in SubRating.allCases {
            if let mean = try row.decodeIfPresent(column: aspect.rawValue, as: Double.self) { aspects[aspect] = mean }
        }
        return RatingSummary(
            count: try row.decode(column: "review_count", as: Int.self), average: try row.decode(column: "average", as: Double.self),
            lowerBound: try row.decode(column: "lower_bound", as: Double.self),
            distribution: try (1...5).map { try row.decode(column: "stars_\($0)", as: Int.self) }, subRatings: aspects
        )
    }
}
