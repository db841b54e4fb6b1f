extension Migrations {
    /// A project's chat: messages sealed at rest (`MessageKeyring`; the row names its key), the blind index of their
    /// words, each member's read position, and the room's events, numbered per room from `projects.room_sequence`, so
    /// that a member who reconnects is sent exactly what they missed.
    static let projectChat = Migration(version: 34, name: "project chat") { dialect in
        let time = dialect.timestamp
        return [
            "ALTER TABLE projects ADD COLUMN room_sequence BIGINT NOT NULL DEFAULT 0",
            """
            CREATE TABLE project_messages (
                id \(dialect.identity),
                project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                sender_id BIGINT REFERENCES users (id) ON DELETE RESTRICT,
                kind TEXT NOT NULL,
                sealed_body TEXT,
                key_id TEXT,
                reply_to BIGINT REFERENCES project_messages (id) ON DELETE SET NULL,
                created_at \(time) NOT NULL,
                edited_at \(time),
                deleted_at \(time)
            )
            """,
            "CREATE INDEX project_messages_room_idx ON project_messages (project_id, id)",
            "CREATE INDEX project_messages_key_idx ON project_messages (key_id, id)",
            """
            CREATE TABLE message_terms (
                project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                term TEXT NOT NULL,
                message_id BIGINT NOT NULL REFERENCES project_messages (id) ON DELETE CASCADE,
                PRIMARY KEY (project_id, term, message_id)
            )
            """,
            "CREATE INDEX message_terms_message_idx ON message_terms (message_id)",
            """
            CREATE TABLE message_reads (
                project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                message_id BIGINT NOT NULL,
                read_at \(time) NOT NULL,
                PRIMARY KEY (project_id, user_id)
            )
            """,
            """
            CREATE TABLE room_events (
                project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                sequence BIGINT NOT NULL,
                kind TEXT NOT NULL,
                actor_id BIGINT,
                subject_id BIGINT,
                created_at \(time) NOT NULL,
                PRIMARY KEY (project_id, sequence)
            )
            """,
        ]
    }
}
