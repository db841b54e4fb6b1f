extension Migrations {
    /// The audit log of administrators' actions: append-only (a trigger refuses every UPDATE and DELETE on both
    /// engines), each row's hash covering the previous row's.
    static let auditLog = Migration(version: 14, name: "audit log") { dialect in
        let table = """
            CREATE TABLE admin_actions (
                id \(dialect.identity),
                actor_id BIGINT NOT NULL,
                actor_role TEXT NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                target_id BIGINT NOT NULL,
                before_fields TEXT NOT NULL,
                after_fields TEXT NOT NULL,
                reason TEXT NOT NULL DEFAULT '',
                ip_address TEXT NOT NULL DEFAULT '',
                user_agent TEXT NOT NULL DEFAULT '',
                request_id TEXT NOT NULL DEFAULT '',
                created_at \(dialect.timestamp) NOT NULL,
                previous_hash TEXT NOT NULL,
                hash TEXT NOT NULL UNIQUE
            )
            """
        let indexes = [
            "CREATE INDEX admin_actions_actor_idx ON admin_actions (actor_id, created_at)",
            "CREATE INDEX admin_actions_target_idx ON admin_actions (target, target_id, created_at)",
            "CREATE INDEX admin_actions_action_idx ON admin_actions (action, created_at)",
        ]
        switch dialect.engine {
        case .sqlite:
            return [table] + indexes + [
                """
                CREATE TRIGGER admin_actions_no_update BEFORE UPDATE ON admin_actions
                BEGIN SELECT RAISE(ABORT, 'admin_actions is append-only'); END
                """,
                """
                CREATE TRIGGER admin_actions_no_delete BEFORE DELETE ON admin_actions
                BEGIN SELECT RAISE(ABORT, 'admin_actions is append-only'); END
                """,
            ]
        case .postgresql:
            return [table] + indexes + [
                """
                CREATE FUNCTION admin_actions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'admin_actions is append-only'; END $$
                """,
                """
                CREATE TRIGGER admin_actions_append_only BEFORE UPDATE OR DELETE ON admin_actions
                FOR EACH ROW EXECUTE FUNCTION admin_actions_append_only()
                """,
            ]
        }
    }
}
