import SQLKit

extension Migrations {
    /// Providers' plans. `subscriptions`: one Pro subscription per provider at a time (a cancelled one stays as
    /// history): its status, the price of its current period, its billing anchor and the number of periods paid, the
    /// period it is in, whether it ends with that period, the card it is charged to (none: the default), and its
    /// retries after a declined renewal. `subscription_invoices`: each period's charge — amount, the tax on it, the
    /// processor's payment, paid or declined with the reason — which the ledger books as the platform's revenue.
    static let subscriptions = Migration(version: 48, name: "subscriptions") { dialect in
        let time = dialect.timestamp
        return [
            """
            CREATE TABLE subscriptions (
                id \(dialect.identity),
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                plan TEXT NOT NULL,
                status TEXT NOT NULL,
                currency TEXT NOT NULL,
                price_minor BIGINT NOT NULL CHECK (price_minor > 0),
                billing_anchor \(time) NOT NULL,
                periods_paid INTEGER NOT NULL DEFAULT 0,
                current_period_start \(time) NOT NULL,
                current_period_end \(time) NOT NULL,
                cancel_at_period_end BOOLEAN NOT NULL DEFAULT FALSE,
                payment_method_id BIGINT REFERENCES payment_methods (id),
                processor TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at \(time),
                failure_code TEXT,
                created_at \(time) NOT NULL,
                updated_at \(time) NOT NULL,
                ended_at \(time)
            )
            """,
            "CREATE UNIQUE INDEX subscriptions_one_live ON subscriptions (user_id) WHERE status <> 'canceled'",
            "CREATE INDEX subscriptions_due ON subscriptions (status, current_period_end)",
            """
            CREATE TABLE subscription_invoices (
                id \(dialect.identity),
                subscription_id BIGINT NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
                period INTEGER NOT NULL,
                period_start \(time) NOT NULL,
                period_end \(time) NOT NULL,
                currency TEXT NOT NULL,
                amount_minor BIGINT NOT NULL,
                tax_minor BIGINT NOT NULL DEFAULT 0,
                tax_note TEXT NOT NULL,
                status TEXT NOT NULL,
                processor_payment_id TEXT,
                card_brand TEXT,
                card_last_four TEXT,
                failure_code TEXT,
                attempts INTEGER NOT NULL DEFAULT 0,
                created_at \(time) NOT NULL,
                paid_at \(time),
                UNIQUE (subscription_id, period)
            )
            """,
        ]
    }
}
