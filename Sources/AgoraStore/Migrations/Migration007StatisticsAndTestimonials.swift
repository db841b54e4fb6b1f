extension Migrations {
    /// The homepage's living parts: a daily snapshot of the marketplace's public figures (history for charts and
    /// reports), and testimonials with their moderation. A testimonial outlives its author's account (the name
    /// written with it stays, the link goes).
    static let statisticsAndTestimonials = Migration(version: 7, name: "statistics history and testimonials") { dialect in
        let id = dialect.identity
        let time = dialect.timestamp
        return [
            """
            CREATE TABLE marketplace_stats_history (
                day TEXT PRIMARY KEY,
                providers BIGINT NOT NULL,
                clients BIGINT NOT NULL,
                completed_projects BIGINT NOT NULL,
                completion_rate DOUBLE PRECISION NOT NULL,
                countries TEXT NOT NULL,
                created_at \(time) NOT NULL
            )
            """,
            """
            CREATE TABLE testimonials (
                id \(id),
                user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
                author_name TEXT NOT NULL,
                author_role TEXT NOT NULL CHECK (author_role IN ('client', 'provider', 'admin')),
                content TEXT NOT NULL,
                rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
                status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
                featured BOOLEAN NOT NULL DEFAULT FALSE,
                created_at \(time) NOT NULL,
                updated_at \(time) NOT NULL,
                moderated_at \(time),
                CHECK (NOT featured OR status = 'approved')
            )
            """,
            "CREATE INDEX testimonials_status_idx ON testimonials (status, featured, created_at)",
            "CREATE INDEX testimonials_user_idx ON testimonials (user_id)",
        ]
    }
}
