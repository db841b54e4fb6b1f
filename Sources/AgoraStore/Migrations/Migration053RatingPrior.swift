import AgoraDomain
import Foundation
import SQLKit

extension Migrations {
    /// The displayed rating's prior (`RatingPrior`): one row kept by `RatingPriorRecord`, set from the ratings already
    /// there.
    static let ratingPrior = Migration(version: 53, name: "rating prior", statements: { dialect in
        [
            """
            CREATE TABLE rating_prior (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                tenths INTEGER NOT NULL CHECK (tenths BETWEEN 10 AND 50),
                exact_mean DOUBLE PRECISION,
                updated_at \(dialect.timestamp) NOT NULL
            )
            """,
        ]
    }, data: { db, _ in
        // The site key holds the prior: the next build is a full one by itself.
        try await RatingPriorRecord.follow(now: Date(), on: db, queuingSite: false)
    })
}
