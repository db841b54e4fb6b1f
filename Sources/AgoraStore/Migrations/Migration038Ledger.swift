extension Migrations {
    /// The double-entry ledger: accounts (a kind, an owner, a currency), transactions (unique by idempotency key, each
    /// hashed over the one before), their entries (signed minor units), and each account's balance, kept in the
    /// transaction that moves it. Entries and transactions are append-only: triggers refuse UPDATE and DELETE on both
    /// engines; a mistake is corrected by a reversing transaction.
    static let ledger = Migration(version: 38, name: "ledger") { dialect in
        let time = dialect.timestamp
        let tables = [
            """
            CREATE TABLE ledger_accounts (
                id \(dialect.identity),
                kind TEXT NOT NULL,
                owner_id BIGINT NOT NULL,
                currency TEXT NOT NULL,
                may_go_negative BOOLEAN NOT NULL,
                created_at \(time) NOT NULL,
                UNIQUE (kind, owner_id, currency)
            )
            """,
            """
            CREATE TABLE ledger_transactions (
                id \(dialect.identity),
                idempotency_key TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                reference TEXT NOT NULL,
                actor_id BIGINT,
                request TEXT NOT NULL,
                created_at \(time) NOT NULL,
                previous_hash TEXT NOT NULL,
                hash TEXT NOT NULL UNIQUE
            )
            """,
            "CREATE INDEX ledger_transactions_reference_idx ON ledger_transactions (reference, id)",
            """
            CREATE TABLE ledger_entries (
                id \(dialect.identity),
                transaction_id BIGINT NOT NULL REFERENCES ledger_transactions (id),
                account_id BIGINT NOT NULL REFERENCES ledger_accounts (id),
                amount_minor BIGINT NOT NULL CHECK (amount_minor <> 0),
                currency TEXT NOT NULL
            )
            """,
            "CREATE INDEX ledger_entries_transaction_idx ON ledger_entries (transaction_id)",
            "CREATE INDEX ledger_entries_account_idx ON ledger_entries (account_id, id)",
            """
            CREATE TABLE ledger_balances (
                account_id BIGINT PRIMARY KEY REFERENCES ledger_accounts (id),
                balance_minor BIGINT NOT NULL,
                updated_at \(time) NOT NULL
            )
            """,
        ]
        let guarded = ["ledger_transactions", "ledger_entries"]
        switch dialect.engine {
        case .sqlite:
            return tables + guarded.flatMap { table in
                [
                    "CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table) BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END",
                    "CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table) BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END",
                ]
            }
        case .postgresql:
            return tables + [
                """
                CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$
                """,
            ] + guarded.map { table in
                "CREATE TRIGGER \(table)_append_only BEFORE UPDATE OR DELETE ON \(table) FOR EACH ROW EXECUTE FUNCTION ledger_append_only()"
            }
        }
    }
}
