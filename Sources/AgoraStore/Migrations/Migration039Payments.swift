extension Migrations {
    /// Payments into escrow and what comes out of it: `payments` (one per attempt to fund a milestone, after
    /// Stripe's payment intents; one open attempt per milestone), the escrow kept on each milestone (funded amount
    /// and client fee, released, refunded: the ledger's escrow account in figures the project pages read),
    /// `payment_refunds`, the answers of money-moving requests by idempotency key, and the local processor's own
    /// records (its intents and refunds), which stand where Stripe's servers stand for the Stripe processor.
    static let payments = Migration(version: 39, name: "payments") { dialect in
        let time = dialect.timestamp
        return [
            "ALTER TABLE project_milestones ADD COLUMN escrow_amount_minor BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE project_milestones ADD COLUMN escrow_fee_minor BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE project_milestones ADD COLUMN escrow_released_minor BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE project_milestones ADD COLUMN escrow_refunded_minor BIGINT NOT NULL DEFAULT 0",
            """
            CREATE TABLE payments (
                id \(dialect.identity),
                project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE RESTRICT,
                milestone_id BIGINT NOT NULL REFERENCES project_milestones (id) ON DELETE RESTRICT,
                payer_id BIGINT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
                currency TEXT NOT NULL,
                amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
                client_fee_minor BIGINT NOT NULL CHECK (client_fee_minor >= 0),
                status TEXT NOT NULL,
                processor TEXT NOT NULL,
                processor_payment_id TEXT UNIQUE,
                card_brand TEXT,
                card_last_four TEXT,
                failure_code TEXT,
                created_at \(time) NOT NULL,
                updated_at \(time) NOT NULL,
                succeeded_at \(time)
            )
            """,
            "CREATE INDEX payments_project_idx ON payments (project_id, id)",
            "CREATE INDEX payments_payer_idx ON payments (payer_id, id)",
            """
            CREATE UNIQUE INDEX payments_one_open_per_milestone ON payments (milestone_id)
            WHERE status IN ('requires_payment_method', 'requires_action')
            """,
            """
            CREATE TABLE payment_refunds (
                id \(dialect.identity),
                payment_id BIGINT NOT NULL REFERENCES payments (id) ON DELETE RESTRICT,
                amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
                fee_share_minor BIGINT NOT NULL CHECK (fee_share_minor >= 0),
                reason TEXT NOT NULL,
                requested_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
                status TEXT NOT NULL,
                processor_refund_id TEXT UNIQUE,
                ledger_key TEXT NOT NULL UNIQUE,
                created_at \(time) NOT NULL,
                updated_at \(time) NOT NULL
            )
            """,
            "CREATE INDEX payment_refunds_payment_idx ON payment_refunds (payment_id, id)",
            """
            CREATE TABLE idempotent_requests (
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                idempotency_key TEXT NOT NULL,
                operation TEXT NOT NULL,
                request_hash TEXT NOT NULL,
                response_status INTEGER,
                response_body TEXT,
                created_at \(time) NOT NULL,
                PRIMARY KEY (user_id, idempotency_key)
            )
            """,
            "CREATE INDEX idempotent_requests_created_idx ON idempotent_requests (created_at)",
            """
            CREATE TABLE local_payment_intents (
                id TEXT PRIMARY KEY,
                amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
                currency TEXT NOT NULL,
                description TEXT NOT NULL,
                status TEXT NOT NULL,
                card_brand TEXT,
                card_last_four TEXT,
                failure_code TEXT,
                refunded_minor BIGINT NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0 AND refunded_minor <= amount_minor),
                created_at \(time) NOT NULL,
                updated_at \(time) NOT NULL,
                settles_at \(time)
            )
            """,
            """
            CREATE TABLE local_refunds (
                id TEXT PRIMARY KEY,
                intent_id TEXT NOT NULL REFERENCES local_payment_intents (id) ON DELETE RESTRICT,
                amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
                idempotency_key TEXT NOT NULL UNIQUE,
                created_at \(time) NOT NULL
            )
            """,
        ]
    }
}
