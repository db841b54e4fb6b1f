extension Migrations {
    /// Views of providers' public pages, counted per provider, UTC day and `ProfileViewKind`: a number, nothing
    /// about who looked.
    static let profileViews = Migration(version: 29, name: "profile views") { _ in
        [
            """
            CREATE TABLE profile_view_days (
                provider_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                day TEXT NOT NULL,
                kind TEXT NOT NULL,
                views INTEGER NOT NULL,
                PRIMARY KEY (provider_id, day, kind)
            )
            """,
        ]
    }
}
