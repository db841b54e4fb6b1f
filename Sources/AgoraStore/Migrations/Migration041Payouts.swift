extension Migrations {
    /// Payouts: each provider's bank account and schedule, the payouts made from their available money, and the
    /// local processor's own record of the transfers it made.
    static let payouts = Migration(version: 41, name: "payouts") { dialect in
        let time = dialect.timestamp
        return [
            """
            CREATE TABLE payout_accounts (
                user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                holder_name TEXT NOT NULL,
                iban TEXT NOT NULL,
                bic TEXT NOT NULL,
                schedule TEXT NOT NULL,
                created_at \(time) NOT NULL,
                updated_at \(time) NOT NULL
            )
            """,
            """
            CREATE TABLE payouts (
                id \(dialect.identity),
                provider_id BIGINT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
                currency TEXT NOT NULL,
                amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
                iban_masked TEXT NOT NULL,
                status TEXT NOT NULL,
                processor_payout_id TEXT UNIQUE,
                failure_code TEXT,
                created_at \(time) NOT NULL,
                updated_at \(time) NOT NULL,
                paid_at \(time)
            )
            """,
            "CREATE INDEX payouts_provider_idx ON payouts (provider_id, id)",
            "CREATE INDEX payouts_status_idx ON payouts (status, id)",
            """
            CREATE TABLE local_payouts (
                id TEXT PRIMARY KEY,
                amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
                currency TEXT NOT NULL,
                iban TEXT NOT NULL,
                failure_code TEXT,
                created_at \(time) NOT NULL
            )
            """,
        ]
    }
}
