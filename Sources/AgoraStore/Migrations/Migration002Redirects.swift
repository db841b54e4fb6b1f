extension Migrations {
    /// URL redirects an admin manages; the generator publishes them with the site.
    static let redirects = Migration(version: 2, name: "redirects") { dialect in
        [
            """
            CREATE TABLE redirects (
                id \(dialect.identity),
                from_path TEXT NOT NULL UNIQUE,
                to_url TEXT,
                status INTEGER NOT NULL CHECK (status IN (301, 302, 410)),
                created_at \(dialect.timestamp) NOT NULL,
                CHECK ((status = 410) = (to_url IS NULL))
            )
            """,
        ]
    }
}
