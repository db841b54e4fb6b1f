extension Migrations {
    /// The CalDAV push (`CalDAVRepository`). `caldav_connections`: a person's own calendar — its address, user name and
    /// app password sealed with the service's document key — and how the last push went. `caldav_pushes`: what is
    /// still to write to it, one row per meeting (the latest change wins: an event written, or deleted), retried with
    /// a growing wait until the server takes it; its `revision` moves on with each change, so that a push written
    /// while an older one was on its way is not taken for done.
    static let calDAV = Migration(version: 63, name: "caldav") { dialect in
        let time = dialect.timestamp
        return [
            """
            CREATE TABLE caldav_connections (
                user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                url TEXT NOT NULL,
                username TEXT NOT NULL,
                password_sealed TEXT NOT NULL,
                status TEXT NOT NULL,
                last_error TEXT,
                last_success_at \(time),
                created_at \(time) NOT NULL,
                updated_at \(time) NOT NULL
            )
            """,
            """
            CREATE TABLE caldav_pushes (
                id \(dialect.identity),
                user_id BIGINT NOT NULL REFERENCES caldav_connections (user_id) ON DELETE CASCADE,
                meeting_id BIGINT REFERENCES meetings (id) ON DELETE SET NULL,
                uid TEXT NOT NULL,
                action TEXT NOT NULL,
                revision INTEGER NOT NULL DEFAULT 0,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at \(time) NOT NULL,
                last_error TEXT,
                created_at \(time) NOT NULL,
                UNIQUE (user_id, uid)
            )
            """,
            "CREATE INDEX caldav_pushes_due_idx ON caldav_pushes (next_attempt_at)",
        ]
    }
}
