extension Migrations {
    /// Every one-click unsubscribe (`EmailUnsubscribeRepository`): the address, what it stopped (`UnsubscribeScope`'s
    /// name) and when, for the notification figures per category.
    static let unsubscribeEvents = Migration(version: 57, name: "unsubscribe events", statements: { dialect in
        [
            """
            CREATE TABLE email_unsubscribe_events (
                id \(dialect.identity),
                email TEXT NOT NULL,
                scope TEXT NOT NULL,
                created_at \(dialect.timestamp) NOT NULL
            )
            """,
            "CREATE INDEX email_unsubscribe_events_created_idx ON email_unsubscribe_events (created_at)",
        ]
    })
}
