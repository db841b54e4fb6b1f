extension Migrations {
    /// Bulk operations on the accounts a filter matched: the operation (what, why, who asked, how far it got) and its
    /// accounts, frozen when it starts, each waiting, changed, skipped or reverted. A suspension remembers the bulk
    /// operation that opened it, so that undoing the operation lifts exactly those.
    static let bulkOperations = Migration(version: 22, name: "bulk operations") { dialect in
        [
            """
            CREATE TABLE bulk_operations (
                id \(dialect.identity),
                action TEXT NOT NULL,
                suspension_kind TEXT,
                suspension_days INTEGER,
                reason TEXT NOT NULL,
                filter TEXT NOT NULL,
                status TEXT NOT NULL,
                total INTEGER NOT NULL DEFAULT 0,
                changed INTEGER NOT NULL DEFAULT 0,
                skipped INTEGER NOT NULL DEFAULT 0,
                reverted INTEGER NOT NULL DEFAULT 0,
                revert_skipped INTEGER NOT NULL DEFAULT 0,
                actor_id BIGINT NOT NULL,
                started_by TEXT NOT NULL,
                undone_by TEXT,
                created_at \(dialect.timestamp) NOT NULL,
                finished_at \(dialect.timestamp),
                undo_requested_at \(dialect.timestamp),
                undone_at \(dialect.timestamp),
                claimed_until \(dialect.timestamp),
                last_error TEXT NOT NULL DEFAULT ''
            )
            """,
            "CREATE INDEX bulk_operations_active_idx ON bulk_operations (status, claimed_until)",
            """
            CREATE TABLE bulk_operation_targets (
                operation_id BIGINT NOT NULL REFERENCES bulk_operations (id) ON DELETE CASCADE,
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                state TEXT NOT NULL,
                PRIMARY KEY (operation_id, user_id)
            )
            """,
            "CREATE INDEX bulk_operation_targets_state_idx ON bulk_operation_targets (operation_id, state, user_id)",
            "ALTER TABLE user_suspensions ADD COLUMN bulk_operation_id BIGINT",
            "CREATE INDEX user_suspensions_bulk_idx ON user_suspensions (bulk_operation_id) WHERE bulk_operation_id IS NOT NULL",
        ]
    }
}
