extension Migrations {
    /// Providers' verification requests (`VerificationKind`, `VerificationStatus`): the document's description and
    /// its encrypted file's name (cleared when the file is deleted after the decision), the reviewer's reason, one
    /// appeal, and the dates that decide expiry and deletion.
    static let verifications = Migration(version: 26, name: "verifications") { dialect in
        [
            """
            CREATE TABLE profile_verifications (
                id \(dialect.identity),
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                status TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                document_storage_name TEXT UNIQUE,
                document_name TEXT,
                document_type TEXT,
                document_bytes BIGINT,
                document_sha256 TEXT,
                reason TEXT NOT NULL DEFAULT '',
                appeal_statement TEXT NOT NULL DEFAULT '',
                reviewer_id BIGINT REFERENCES users (id),
                created_at \(dialect.timestamp) NOT NULL,
                decided_at \(dialect.timestamp),
                appealed_at \(dialect.timestamp),
                expires_at \(dialect.timestamp),
                purge_after \(dialect.timestamp),
                document_deleted_at \(dialect.timestamp)
            )
            """,
            "CREATE INDEX profile_verifications_user_idx ON profile_verifications (user_id, kind)",
            "CREATE INDEX profile_verifications_status_idx ON profile_verifications (status, created_at)",
        ]
    }
}
