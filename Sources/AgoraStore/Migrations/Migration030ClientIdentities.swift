extension Migrations {
    /// What providers see of a client besides the account's name and country (`ClientIdentity`): the company they
    /// hire for and a photo made like providers' (`ProfilePhoto`).
    static let clientIdentities = Migration(version: 30, name: "client identities") { dialect in
        [
            """
            CREATE TABLE client_identities (
                user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                company TEXT NOT NULL DEFAULT '',
                photo_key TEXT,
                photo_side INTEGER,
                updated_at \(dialect.timestamp) NOT NULL
            )
            """,
        ]
    }
}
