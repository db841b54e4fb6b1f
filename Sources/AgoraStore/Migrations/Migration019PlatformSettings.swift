extension Migrations {
    /// Platform settings staff change while the service runs: the value in force for each setting that was ever
    /// changed (the others keep their default), and every version, so that one can be shown or restored.
    static let platformSettings = Migration(version: 19, name: "platform settings") { dialect in
        [
            """
            CREATE TABLE platform_settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                version INTEGER NOT NULL,
                changed_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
                changed_at \(dialect.timestamp) NOT NULL
            )
            """,
            """
            CREATE TABLE platform_setting_versions (
                key TEXT NOT NULL,
                version INTEGER NOT NULL,
                value TEXT NOT NULL,
                changed_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
                changed_at \(dialect.timestamp) NOT NULL,
                reason TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (key, version)
            )
            """,
        ]
    }
}
