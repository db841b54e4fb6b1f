import SQLKit

extension Migrations {
    /// The payments of hourly weeks (`week_payments`): one per project and week, opened when the week ends with time
    /// in it; the week's minutes and amount, the client's fee and its tax; charged to the client's default saved card
    /// (with the processor's ids, the card, the last failure and when it is tried again); held in the week's escrow
    /// account until the week is approved, then released with the provider's commission and its tax.
    static let weekPayments = Migration(version: 46, name: "week payments") { dialect in
        let time = dialect.timestamp
        return [
            """
            CREATE TABLE week_payments (
                id \(dialect.identity),
                project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE RESTRICT,
                week_start \(time) NOT NULL,
                payer_id BIGINT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
                provider_id BIGINT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
                minutes INTEGER NOT NULL CHECK (minutes > 0),
                currency TEXT NOT NULL,
                amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
                client_fee_minor BIGINT NOT NULL CHECK (client_fee_minor >= 0),
                fee_tax_minor BIGINT NOT NULL CHECK (fee_tax_minor >= 0),
                tax_note TEXT NOT NULL,
                status TEXT NOT NULL,
                processor TEXT NOT NULL,
                processor_payment_id TEXT,
                card_brand TEXT,
                card_last_four TEXT,
                failure_code TEXT,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at \(time),
                commission_minor BIGINT NOT NULL DEFAULT 0 CHECK (commission_minor >= 0),
                commission_tax_minor BIGINT NOT NULL DEFAULT 0 CHECK (commission_tax_minor >= 0),
                commission_tax_note TEXT NOT NULL DEFAULT '',
                created_at \(time) NOT NULL,
                updated_at \(time) NOT NULL,
                paid_at \(time),
                released_at \(time),
                UNIQUE (project_id, week_start)
            )
            """,
            "CREATE INDEX week_payments_due_idx ON week_payments (status, next_attempt_at)",
        ]
    }
}
