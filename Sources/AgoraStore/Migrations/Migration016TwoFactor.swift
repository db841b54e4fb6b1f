extension Migrations {
    /// Two-factor sign-in: each account's authenticator secret (sealed by the service; confirmed once a code from it
    /// was typed; the last time step used, so a code works once), its recovery codes (hashed), the challenges a
    /// password sign-in leaves for the second step, and on each session when its second factor was shown and when
    /// its owner last proved who they are (for dangerous actions).
    static let twoFactor = Migration(version: 16, name: "two-factor sign-in") { dialect in
        [
            """
            CREATE TABLE two_factor_credentials (
                user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                secret_sealed TEXT NOT NULL,
                confirmed_at \(dialect.timestamp),
                last_used_step BIGINT NOT NULL DEFAULT 0,
                created_at \(dialect.timestamp) NOT NULL
            )
            """,
            """
            CREATE TABLE recovery_codes (
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                code_hash TEXT NOT NULL,
                used_at \(dialect.timestamp),
                created_at \(dialect.timestamp) NOT NULL,
                PRIMARY KEY (user_id, code_hash)
            )
            """,
            """
            CREATE TABLE second_factor_challenges (
                token_hash TEXT PRIMARY KEY,
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                remember_me BOOLEAN NOT NULL,
                failures INTEGER NOT NULL DEFAULT 0,
                expires_at \(dialect.timestamp) NOT NULL,
                created_at \(dialect.timestamp) NOT NULL
            )
            """,
            "CREATE INDEX second_factor_challenges_expiry_idx ON second_factor_challenges (expires_at)",
            "ALTER TABLE user_sessions ADD COLUMN second_factor_at \(dialect.timestamp)",
            "ALTER TABLE user_sessions ADD COLUMN reauthenticated_at \(dialect.timestamp)",
            "UPDATE user_sessions SET reauthenticated_at = created_at",
        ]
    }
}
