extension Migrations {
    /// Profiles their providers write: a status (`ProfileStatus`; the seeded profiles are published, the hidden ones
    /// taken offline), the hours a week, why a first publication was refused, a level for each language, and every
    /// saved version of a profile — live, held for review, or a draft's — restorable.
    static let providerProfiles = Migration(version: 23, name: "provider profiles") { dialect in
        [
            "ALTER TABLE user_profiles ADD COLUMN status TEXT NOT NULL DEFAULT 'published'",
            "UPDATE user_profiles SET status = 'unpublished' WHERE published = FALSE",
            "ALTER TABLE user_profiles ADD COLUMN weekly_hours INTEGER",
            "ALTER TABLE user_profiles ADD COLUMN review_reasons TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE provider_languages ADD COLUMN level TEXT NOT NULL DEFAULT 'fluent'",
            """
            CREATE TABLE profile_versions (
                id \(dialect.identity),
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                number INTEGER NOT NULL,
                content TEXT NOT NULL,
                changed_fields TEXT NOT NULL,
                state TEXT NOT NULL,
                review_reasons TEXT NOT NULL DEFAULT '',
                author_id BIGINT NOT NULL,
                created_at \(dialect.timestamp) NOT NULL,
                decided_by BIGINT,
                decided_at \(dialect.timestamp),
                decision_reason TEXT NOT NULL DEFAULT '',
                UNIQUE (user_id, number)
            )
            """,
            "CREATE INDEX profile_versions_held_idx ON profile_versions (state, created_at)",
        ]
    }
}
