extension Migrations {
    /// The files a provider delivers with a milestone: uploaded while the milestone is worked on (`revision` NULL,
    /// waiting for the next delivery), then part of the delivery they went with (`revision` set by the submit).
    /// The bytes live with the other attachments, under a random name.
    static let projectFiles = Migration(version: 33, name: "project files") { dialect in
        [
            """
            CREATE TABLE project_files (
                id \(dialect.identity),
                project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                milestone_id BIGINT NOT NULL REFERENCES project_milestones (id) ON DELETE CASCADE,
                uploader_id BIGINT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
                revision INTEGER,
                storage_name TEXT NOT NULL UNIQUE,
                file_name TEXT NOT NULL,
                media_type TEXT NOT NULL,
                byte_size BIGINT NOT NULL CHECK (byte_size > 0),
                sha256 TEXT NOT NULL,
                created_at \(dialect.timestamp) NOT NULL
            )
            """,
            "CREATE INDEX project_files_milestone_idx ON project_files (milestone_id, id)",
            "CREATE INDEX project_files_uploader_idx ON project_files (uploader_id, created_at)",
        ]
    }
}
