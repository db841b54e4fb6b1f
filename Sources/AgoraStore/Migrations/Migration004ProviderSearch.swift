extension Migrations {
    /// Provider search: the full-text index (FTS5 on SQLite, a weighted `tsvector` with a GIN index on
    /// PostgreSQL), each provider's position as a unit vector for radius filters without trigonometry in SQL, and
    /// the profile facts search filters on (works remotely, verified, available again from a date).
    ///
    /// `search_index_state.generation` goes up in every transaction that changes the index, so that cached
    /// search answers of an older generation are never served (on any instance).
    ///
    /// The FTS5 table also holds, as `categories`, a token per category each provider counts for (`c12`), so that a
    /// search in a category asks the text index for that category's matches only.
    ///
    /// `provider_search` holds one row per profile and is deleted with it. The FTS5 table cannot take a foreign
    /// key; it is written and cleared by `SearchIndexWriter` in the same transactions, and searches join it to
    /// live profiles only. The step fills the index for the providers already there.
    static let providerSearch = Migration(version: 4, name: "provider search", statements: { dialect in
        let time = dialect.timestamp
        var statements = [
            "ALTER TABLE user_profiles ADD COLUMN remote BOOLEAN NOT NULL DEFAULT TRUE",
            "ALTER TABLE user_profiles ADD COLUMN verified_at \(time)",
            "ALTER TABLE user_profiles ADD COLUMN available_from \(time)",
            "CREATE INDEX user_profiles_latitude_idx ON user_profiles (latitude)",
            "CREATE TABLE search_index_state (id INTEGER PRIMARY KEY CHECK (id = 1), generation BIGINT NOT NULL)",
            "INSERT INTO search_index_state (id, generation) VALUES (1, 0)",
            """
            CREATE TABLE provider_search (
                provider_id BIGINT PRIMARY KEY REFERENCES user_profiles (user_id) ON DELETE CASCADE,
                geo_x DOUBLE PRECISION,
                geo_y DOUBLE PRECISION,
                geo_z DOUBLE PRECISION
            )
            """,
        ]
        switch dialect.engine {
        case .sqlite:
            statements.append("""
                CREATE VIRTUAL TABLE provider_text USING fts5(
                    name, title, skills, bio, categories, tokenize = 'porter unicode61 remove_diacritics 2'
                )
                """)
        case .postgresql:
            statements.append("ALTER TABLE provider_search ADD COLUMN document TSVECTOR NOT NULL DEFAULT ''::tsvector")
            statements.append("CREATE INDEX provider_search_document_idx ON provider_search USING GIN (document)")
        }
        return statements
    }, data: { db, engine in
        try await SearchIndexWriter(engine: engine).rebuild(on: db)
    })
}
