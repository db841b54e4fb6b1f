extension Migrations {
    /// Failed sign-ins counted per typed address, known or not (`auth_events.subject`, a hash, so that unknown
    /// addresses are not kept in clear), and the one-time sign-in links emailed to an account's owner when its
    /// address draws repeated failures.
    static let signInThrottle = Migration(version: 13, name: "sign-in throttle") { dialect in
        [
            "ALTER TABLE auth_events ADD COLUMN subject TEXT NOT NULL DEFAULT ''",
            "CREATE INDEX auth_events_subject_idx ON auth_events (subject, kind, created_at)",
            """
            CREATE TABLE sign_in_links (
                id \(dialect.identity),
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                token_hash TEXT NOT NULL UNIQUE,
                expires_at \(dialect.timestamp) NOT NULL,
                created_at \(dialect.timestamp) NOT NULL
            )
            """,
            "CREATE INDEX sign_in_links_user_idx ON sign_in_links (user_id, created_at)",
            "CREATE INDEX sign_in_links_expiry_idx ON sign_in_links (expires_at)",
        ]
    }
}
