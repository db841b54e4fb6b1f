extension Migrations {
    /// Email templates edited by staff (`EmailTemplateRepository`): every saved version of a message in a locale, draft
    /// or published, with who saved it; the newest published version of each is what its emails are written with.
    static let emailTemplates = Migration(version: 58, name: "email templates", statements: { dialect in
        [
            """
            CREATE TABLE email_templates (
                id \(dialect.identity),
                template_key TEXT NOT NULL,
                locale TEXT NOT NULL,
                version INTEGER NOT NULL,
                status TEXT NOT NULL,
                subject TEXT NOT NULL,
                text_body TEXT NOT NULL,
                html_body TEXT NOT NULL,
                changed_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
                created_at \(dialect.timestamp) NOT NULL,
                UNIQUE (template_key, locale, version)
            )
            """,
        ]
    })
}
