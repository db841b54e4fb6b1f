extension Migrations {
    /// Sign-in and its paper trail: sessions with rotating refresh tokens, the log of every authentication event,
    /// password resets, consent to the legal documents, and the email outbox.
    ///
    /// Tokens are never stored in clear: verification, reset and refresh tokens are kept as SHA-256 hashes, so a
    /// copy of the database does not let anyone sign in. `auth_events` keeps its rows when a user is deleted
    /// (the user id becomes NULL) because the log is evidence.
    static let accountSecurity = Migration(version: 3, name: "account security") { dialect in
        let id = dialect.identity
        let time = dialect.timestamp
        return [
            "ALTER TABLE users ADD COLUMN terms_version TEXT",
            "ALTER TABLE users ADD COLUMN privacy_version TEXT",
            "ALTER TABLE users ADD COLUMN legal_accepted_at \(time)",
            "ALTER TABLE users ADD COLUMN email_verified_at \(time)",
            "ALTER TABLE email_verifications RENAME COLUMN token TO token_hash",
            """
            CREATE TABLE user_sessions (
                id \(id),
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                family TEXT NOT NULL UNIQUE,
                refresh_token_hash TEXT NOT NULL UNIQUE,
                device_info TEXT NOT NULL DEFAULT '',
                ip_address TEXT NOT NULL DEFAULT '',
                remember_me BOOLEAN NOT NULL DEFAULT FALSE,
                created_at \(time) NOT NULL,
                last_used_at \(time) NOT NULL,
                expires_at \(time) NOT NULL,
                revoked_at \(time),
                revoked_reason TEXT
            )
            """,
            "CREATE INDEX user_sessions_user_idx ON user_sessions (user_id, created_at)",
            "CREATE INDEX user_sessions_expiry_idx ON user_sessions (expires_at)",
            """
            CREATE TABLE retired_refresh_tokens (
                token_hash TEXT PRIMARY KEY,
                session_id BIGINT NOT NULL REFERENCES user_sessions (id) ON DELETE CASCADE,
                retired_at \(time) NOT NULL,
                successor_sealed TEXT
            )
            """,
            "CREATE INDEX retired_refresh_tokens_session_idx ON retired_refresh_tokens (session_id)",
            """
            CREATE TABLE auth_events (
                id \(id),
                user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
                kind TEXT NOT NULL,
                outcome TEXT NOT NULL,
                ip_address TEXT NOT NULL DEFAULT '',
                user_agent TEXT NOT NULL DEFAULT '',
                detail TEXT NOT NULL DEFAULT '',
                created_at \(time) NOT NULL
            )
            """,
            "CREATE INDEX auth_events_user_idx ON auth_events (user_id, kind, created_at)",
            "CREATE INDEX auth_events_ip_idx ON auth_events (ip_address, kind, created_at)",
            """
            CREATE TABLE password_resets (
                id \(id),
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                token_hash TEXT NOT NULL UNIQUE,
                expires_at \(time) NOT NULL,
                created_at \(time) NOT NULL
            )
            """,
            "CREATE INDEX password_resets_user_idx ON password_resets (user_id, created_at)",
            "CREATE INDEX password_resets_expiry_idx ON password_resets (expires_at)",
            """
            CREATE TABLE email_outbox (
                id \(id),
                message_id TEXT NOT NULL UNIQUE,
                recipient TEXT NOT NULL,
                subject TEXT NOT NULL,
                template TEXT NOT NULL,
                text_body TEXT NOT NULL,
                html_body TEXT NOT NULL,
                headers TEXT NOT NULL DEFAULT '{}',
                status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                next_attempt_at \(time) NOT NULL,
                claimed_until \(time),
                last_error TEXT,
                created_at \(time) NOT NULL,
                sent_at \(time)
            )
            """,
            "CREATE INDEX email_outbox_due_idx ON email_outbox (status, next_attempt_at)",
            """
            CREATE TABLE email_unsubscribes (
                email TEXT PRIMARY KEY,
                created_at \(time) NOT NULL
            )
            """,
        ]
    }
}
