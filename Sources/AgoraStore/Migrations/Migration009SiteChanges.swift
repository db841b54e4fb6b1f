extension Migrations {
    /// The site-changes queue: a change to what the public pages show writes a row in its own transaction, and the
    /// regeneration worker claims the rows (with a lease, skipping rows another worker holds on PostgreSQL),
    /// publishes them with one build, and records what that build did. Rows are the queue and its history; the
    /// worker removes finished ones after a week.
    static let siteChanges = Migration(version: 9, name: "site changes") { dialect in
        let time = dialect.timestamp
        return [
            """
            CREATE TABLE site_changes (
                id \(dialect.identity),
                kind TEXT NOT NULL CHECK (kind IN ('provider', 'category', 'content', 'site')),
                item TEXT NOT NULL,
                reason TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'building', 'done', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at \(time) NOT NULL,
                claimed_until \(time),
                build_kind TEXT,
                pages_written INTEGER,
                last_error TEXT,
                created_at \(time) NOT NULL,
                finished_at \(time)
            )
            """,
            "CREATE INDEX site_changes_due_idx ON site_changes (status, next_attempt_at)",
        ]
    }
}
