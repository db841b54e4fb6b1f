import SQLKit

extension Migrations {
    /// Reviews after real work. `reviews`: one per project and direction (client → provider, provider → client),
    /// pending until the other party's arrives or the window closes (double-blind), then published or held for
    /// moderation by its fraud score (the signals found, as JSON, kept for the moderator); its text's quality score
    /// orders "most helpful". `review_responses`: the reviewee's one public reply. `review_reports` and
    /// `review_appeals`: what members flag and what reviewees contest, with the moderator's decision.
    /// `rating_summaries`: each reviewee's rating as `RatingSummary` computes it, rewritten in the transaction that
    /// publishes, hides or restores one of their reviews (`user_statistics` keeps the mean and count it shares with
    /// search). `review_reminders`: the reminders sent to parties who have not reviewed yet. And `projects.cancelled_at`,
    /// when a cancelled project closed, which opens its window.
    static let reviews = Migration(version: 49, name: "reviews") { dialect in
        let time = dialect.timestamp
        let id = dialect.identity
        let stars = { (column: String) in "\(column) INTEGER CHECK (\(column) BETWEEN 1 AND 5)" }
        return [
            "ALTER TABLE projects ADD COLUMN cancelled_at \(time)",
            """
            CREATE TABLE reviews (
                id \(id),
                project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                direction TEXT NOT NULL,
                reviewer_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
                reviewee_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
                \(stars("communication")),
                \(stars("quality")),
                \(stars("timeliness")),
                \(stars("value")),
                comment TEXT NOT NULL DEFAULT '',
                private_feedback TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL,
                fraud_score INTEGER NOT NULL DEFAULT 0,
                signals TEXT NOT NULL DEFAULT '[]',
                quality_score INTEGER NOT NULL DEFAULT 0,
                project_value DOUBLE PRECISION NOT NULL DEFAULT 0,
                window_closes_at \(time) NOT NULL,
                created_at \(time) NOT NULL,
                published_at \(time),
                moderated_at \(time),
                moderation_reason TEXT,
                UNIQUE (project_id, direction)
            )
            """,
            "CREATE INDEX reviews_reviewee_idx ON reviews (reviewee_id, status, published_at)",
            "CREATE INDEX reviews_reviewer_idx ON reviews (reviewer_id, created_at)",
            "CREATE INDEX reviews_pending_idx ON reviews (status, window_closes_at)",
            """
            CREATE TABLE review_responses (
                id \(id),
                review_id BIGINT NOT NULL UNIQUE REFERENCES reviews (id) ON DELETE CASCADE,
                author_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
                body TEXT NOT NULL,
                created_at \(time) NOT NULL
            )
            """,
            """
            CREATE TABLE review_reports (
                id \(id),
                review_id BIGINT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
                reporter_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                reason TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL,
                created_at \(time) NOT NULL,
                decided_at \(time),
                UNIQUE (review_id, reporter_id)
            )
            """,
            "CREATE INDEX review_reports_status_idx ON review_reports (status, created_at)",
            """
            CREATE TABLE review_appeals (
                id \(id),
                review_id BIGINT NOT NULL UNIQUE REFERENCES reviews (id) ON DELETE CASCADE,
                appellant_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                reason TEXT NOT NULL,
                status TEXT NOT NULL,
                decision_note TEXT,
                created_at \(time) NOT NULL,
                decided_at \(time)
            )
            """,
            "CREATE INDEX review_appeals_status_idx ON review_appeals (status, created_at)",
            """
            CREATE TABLE rating_summaries (
                user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                review_count INTEGER NOT NULL,
                average DOUBLE PRECISION NOT NULL,
                lower_bound DOUBLE PRECISION NOT NULL,
                stars_1 INTEGER NOT NULL, stars_2 INTEGER NOT NULL, stars_3 INTEGER NOT NULL, stars_4 INTEGER NOT NULL, stars_5 INTEGER NOT NULL,
                communication DOUBLE PRECISION, quality DOUBLE PRECISION, timeliness DOUBLE PRECISION, value DOUBLE PRECISION,
                updated_at \(time) NOT NULL
            )
            """,
            "CREATE INDEX rating_summaries_bound_idx ON rating_summaries (lower_bound DESC, user_id)",
            """
            CREATE TABLE review_reminders (
                project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                reminder INTEGER NOT NULL,
                sent_at \(time) NOT NULL,
                PRIMARY KEY (project_id, user_id, reminder)
            )
            """,
        ]
    }
}
