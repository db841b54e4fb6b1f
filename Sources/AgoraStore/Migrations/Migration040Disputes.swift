extension Migrations {
    /// Disputes over a milestone's money: the opener's case, each side's evidence, and the administrator's decision
    /// (the split of what was held, the note, whether the project ended with it). One open dispute per project.
    static let disputes = Migration(version: 40, name: "disputes") { dialect in
        let time = dialect.timestamp
        return [
            """
            CREATE TABLE disputes (
                id \(dialect.identity),
                project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE RESTRICT,
                milestone_id BIGINT NOT NULL REFERENCES project_milestones (id) ON DELETE RESTRICT,
                opened_by BIGINT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
                opener_role TEXT NOT NULL,
                reason TEXT NOT NULL,
                statement TEXT NOT NULL,
                status TEXT NOT NULL,
                currency TEXT NOT NULL,
                provider_share_minor BIGINT,
                client_share_minor BIGINT,
                decision_note TEXT,
                closes_project BOOLEAN NOT NULL DEFAULT FALSE,
                resolved_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
                created_at \(time) NOT NULL,
                updated_at \(time) NOT NULL,
                resolved_at \(time)
            )
            """,
            "CREATE UNIQUE INDEX disputes_one_open_per_project ON disputes (project_id) WHERE status = 'open'",
            "CREATE INDEX disputes_status_idx ON disputes (status, id)",
            """
            CREATE TABLE dispute_evidence (
                id \(dialect.identity),
                dispute_id BIGINT NOT NULL REFERENCES disputes (id) ON DELETE CASCADE,
                author_id BIGINT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
                author_role TEXT NOT NULL,
                body TEXT NOT NULL,
                created_at \(time) NOT NULL
            )
            """,
            "CREATE INDEX dispute_evidence_dispute_idx ON dispute_evidence (dispute_id, id)",
        ]
    }
}
