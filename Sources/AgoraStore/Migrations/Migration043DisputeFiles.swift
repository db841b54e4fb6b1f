extension Migrations {
    /// The files each side of a dispute adds to its evidence (`dispute_files`), kept by the attachment storage like
    /// order, project and chat files.
    static let disputeFiles = Migration(version: 43, name: "dispute-files") { dialect in
        [
            """
            CREATE TABLE dispute_files (
                id \(dialect.identity),
                dispute_id BIGINT NOT NULL REFERENCES disputes (id) ON DELETE CASCADE,
                uploader_id BIGINT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
                uploader_role TEXT NOT NULL,
                storage_name TEXT NOT NULL UNIQUE,
                file_name TEXT NOT NULL,
                media_type TEXT NOT NULL,
                byte_size BIGINT NOT NULL CHECK (byte_size > 0),
                sha256 TEXT NOT NULL,
                created_at \(dialect.timestamp) NOT NULL
            )
            """,
            "CREATE INDEX dispute_files_dispute_idx ON dispute_files (dispute_id, id)",
        ]
    }
}
