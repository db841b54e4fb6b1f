import SQLKit

extension Migrations {
    /// Saved payment methods. `payment_methods`: a member's cards saved with a processor for later charges (what the
    /// platform keeps of them: brand, last four digits, expiry; one is the default), removed cards kept with the time
    /// they were removed. `local_payment_methods`: the local processor's own record of each, with what charging it
    /// does (`LocalTestCard.name`), never its number.
    static let paymentMethods = Migration(version: 45, name: "saved payment methods") { dialect in
        let time = dialect.timestamp
        return [
            """
            CREATE TABLE payment_methods (
                id \(dialect.identity),
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                processor TEXT NOT NULL,
                processor_method_id TEXT NOT NULL UNIQUE,
                card_brand TEXT NOT NULL,
                card_last_four TEXT NOT NULL,
                expiry_month INTEGER NOT NULL CHECK (expiry_month BETWEEN 1 AND 12),
                expiry_year INTEGER NOT NULL,
                is_default BOOLEAN NOT NULL DEFAULT FALSE,
                created_at \(time) NOT NULL,
                removed_at \(time)
            )
            """,
            "CREATE INDEX payment_methods_user_idx ON payment_methods (user_id, removed_at)",
            """
            CREATE TABLE local_payment_methods (
                id TEXT PRIMARY KEY,
                test_card TEXT NOT NULL,
                created_at \(time) NOT NULL,
                detached_at \(time)
            )
            """,
        ]
    }
}
