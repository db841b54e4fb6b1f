import AgoraDomain
import SQLKit

extension Migrations {
    /// "Best rated" everywhere: `user_statistics.rating_bound`, the Wilson lower bound of each member's rating over
    /// its count (`ProviderStatistics.ratingBound`), written beside the mean and count by every writer of a rating,
    /// and the ranking index that listings walk rebuilt on it. The step computes the bound of the ratings already
    /// there (SQLite has no square root in SQL).
    static let ratingBound = Migration(version: 50, name: "rating bound", statements: { _ in
        [
            "ALTER TABLE user_statistics ADD COLUMN rating_bound DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (rating_bound BETWEEN 0 AND 5)",
            "DROP INDEX user_statistics_ranking_idx",
            "CREATE INDEX user_statistics_ranking_idx ON user_statistics (rating_bound DESC, rating_count DESC, user_id DESC)",
        ]
    }, data: { db, _ in
        for row in try await db.raw("SELECT user_id, rating_average, rating_count FROM user_statistics WHERE rating_count > 0").all() {
            let bound = RatingSummary.wilsonLowerBound(
                average: try row.decode(column: "rating_average", as: Double.self), count: try row.decode(column: "rating_count", as: Int.self)
            )
            try await db.raw("UPDATE user_statistics SET rating_bound = \(bind: bound) WHERE user_id = \(bind: try row.decode(column: "user_id", as: Int64.self))").run()
        }
    })
}
