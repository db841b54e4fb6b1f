extension Migrations {
    /// Files shared in a project's chat: each is a message of kind `file` whose sealed body is the file's name (so
    /// the name is sealed and found by search like any text), and this row holds the stored bytes' name, sniffed type,
    /// size and digest.
    static let messageFiles = Migration(version: 37, name: "message files") { dialect in
        [
            """
            CREATE TABLE message_files (
                message_id BIGINT PRIMARY KEY REFERENCES project_messages (id) ON DELETE CASCADE,
                project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                uploader_id BIGINT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
                storage_name TEXT NOT NULL UNIQUE,
                media_type TEXT NOT NULL,
                byte_size BIGINT NOT NULL CHECK (byte_size > 0),
                sha256 TEXT NOT NULL,
                created_at \(dialect.timestamp) NOT NULL
            )
            """,
            "CREATE INDEX message_files_uploader_idx ON message_files (uploader_id, created_at)",
        ]
    }
}
