import SQLKit

extension Migrations {
    /// What a hosted processor (Stripe) needs remembered. `processor_customers`: the processor's customer of each
    /// member, made the first time they save a card, that their saved cards are attached to. `processor_events`: each
    /// webhook event the platform took, by the processor's event id, written in the same transaction as its effect so
    /// a replayed event changes nothing; week payments are found by their processor's payment.
    static let processorRecords = Migration(version: 47, name: "processor customers and events") { dialect in
        let time = dialect.timestamp
        return [
            """
            CREATE TABLE processor_customers (
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                processor TEXT NOT NULL,
                customer_id TEXT NOT NULL UNIQUE,
                created_at \(time) NOT NULL,
                PRIMARY KEY (user_id, processor)
            )
            """,
            """
            CREATE TABLE processor_events (
                processor TEXT NOT NULL,
                event_id TEXT NOT NULL,
                event_type TEXT NOT NULL,
                object_id TEXT,
                received_at \(time) NOT NULL,
                PRIMARY KEY (processor, event_id)
            )
            """,
            "CREATE INDEX week_payments_processor_idx ON week_payments (processor_payment_id)",
        ]
    }
}
