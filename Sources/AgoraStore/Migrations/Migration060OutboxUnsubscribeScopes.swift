extension Migrations {
    /// What each optional email's one-click unsubscribe stops (`UnsubscribeScope`'s name), which the worker checks
    /// before sending; optional mail queued before knew only "all optional mail".
    static let outboxUnsubscribeScopes = Migration(version: 60, name: "outbox unsubscribe scopes", statements: { _ in
        [
            "ALTER TABLE email_outbox ADD COLUMN unsubscribe_scope TEXT",
            "UPDATE email_outbox SET unsubscribe_scope = 'all' WHERE headers LIKE '%List-Unsubscribe%'",
        ]
    })
}
