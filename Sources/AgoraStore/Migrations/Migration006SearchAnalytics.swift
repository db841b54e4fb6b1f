extension Migrations {
    /// Search analytics without personal data: per day, each normalized query's searches, searches that found
    /// nothing and clicks on a result; and per day and category, page views and searches in it. Counts only: no
    /// account, address or IP is kept with them.
    static let searchAnalytics = Migration(version: 6, name: "search analytics") { _ in
        [
            """
            CREATE TABLE search_query_stats (
                day TEXT NOT NULL,
                query TEXT NOT NULL,
                searches BIGINT NOT NULL DEFAULT 0 CHECK (searches >= 0),
                zero_results BIGINT NOT NULL DEFAULT 0 CHECK (zero_results >= 0),
                clicks BIGINT NOT NULL DEFAULT 0 CHECK (clicks >= 0),
                PRIMARY KEY (day, query)
            )
            """,
            "CREATE INDEX search_query_stats_query_idx ON search_query_stats (query)",
            """
            CREATE TABLE category_stats (
                day TEXT NOT NULL,
                category_id BIGINT NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
                views BIGINT NOT NULL DEFAULT 0 CHECK (views >= 0),
                searches BIGINT NOT NULL DEFAULT 0 CHECK (searches >= 0),
                PRIMARY KEY (day, category_id)
            )
            """,
        ]
    }
}
