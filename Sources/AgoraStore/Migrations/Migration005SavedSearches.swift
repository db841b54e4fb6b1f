extension Migrations {
    /// What signed-in people keep from search: saved searches (with an optional alert when new providers match)
    /// and favourite providers. Both go with the account; a favourite also goes with the provider's profile.
    static let savedSearches = Migration(version: 5, name: "saved searches and favourites") { dialect in
        let id = dialect.identity
        let time = dialect.timestamp
        return [
            """
            CREATE TABLE saved_searches (
                id \(id),
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                query TEXT NOT NULL,
                alert BOOLEAN NOT NULL DEFAULT FALSE,
                alert_checked_at \(time) NOT NULL,
                created_at \(time) NOT NULL,
                updated_at \(time) NOT NULL
            )
            """,
            "CREATE INDEX saved_searches_user_idx ON saved_searches (user_id, created_at)",
            "CREATE INDEX saved_searches_alert_idx ON saved_searches (alert, alert_checked_at)",
            """
            CREATE TABLE favorites (
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                provider_id BIGINT NOT NULL REFERENCES user_profiles (user_id) ON DELETE CASCADE,
                created_at \(time) NOT NULL,
                PRIMARY KEY (user_id, provider_id)
            )
            """,
            "CREATE INDEX favorites_provider_idx ON favorites (provider_id)",
        ]
    }
}
