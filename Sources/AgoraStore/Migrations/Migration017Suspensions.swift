extension Migrations {
    /// Suspensions and bans: who kept which account out, why, from when until when (no end for a ban), and who
    /// lifted it or whether it ran out, and the status the account returns to. The account's `verification_status` says `suspended` while one is in force.
    static let suspensions = Migration(version: 17, name: "suspensions") { dialect in
        [
            """
            CREATE TABLE user_suspensions (
                id \(dialect.identity),
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                reason TEXT NOT NULL,
                starts_at \(dialect.timestamp) NOT NULL,
                ends_at \(dialect.timestamp),
                decided_by BIGINT NOT NULL,
                previous_status TEXT NOT NULL,
                lifted_at \(dialect.timestamp),
                lifted_by BIGINT,
                lift_reason TEXT NOT NULL DEFAULT ''
            )
            """,
            "CREATE INDEX user_suspensions_user_idx ON user_suspensions (user_id, starts_at)",
            "CREATE INDEX user_suspensions_open_idx ON user_suspensions (ends_at) WHERE lifted_at IS NULL",
        ]
    }
}
