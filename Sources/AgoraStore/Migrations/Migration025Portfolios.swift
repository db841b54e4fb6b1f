extension Migrations {
    /// Providers' portfolios: items (`PortfolioContent`, a `PortfolioStatus`, a place in the portfolio, the moderation
    /// queue's hold) and their images (`PortfolioImage` variants in `Storage/media/portfolio/`, with captions).
    static let portfolios = Migration(version: 25, name: "portfolios") { dialect in
        [
            """
            CREATE TABLE portfolios (
                id \(dialect.identity),
                provider_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                title TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                category_id BIGINT REFERENCES categories (id),
                skills TEXT NOT NULL DEFAULT '[]',
                link TEXT,
                client_name TEXT,
                shows_client BOOLEAN NOT NULL DEFAULT FALSE,
                completed_on \(dialect.timestamp),
                position INTEGER NOT NULL,
                status TEXT NOT NULL,
                moderation_hold BOOLEAN NOT NULL DEFAULT FALSE,
                created_at \(dialect.timestamp) NOT NULL,
                updated_at \(dialect.timestamp) NOT NULL
            )
            """,
            "CREATE INDEX portfolios_provider_idx ON portfolios (provider_id, position)",
            """
            CREATE TABLE portfolio_files (
                id \(dialect.identity),
                portfolio_id BIGINT NOT NULL REFERENCES portfolios (id) ON DELETE CASCADE,
                media_key TEXT NOT NULL UNIQUE,
                width INTEGER NOT NULL,
                height INTEGER NOT NULL,
                caption TEXT NOT NULL DEFAULT '',
                position INTEGER NOT NULL,
                byte_size BIGINT NOT NULL,
                created_at \(dialect.timestamp) NOT NULL
            )
            """,
            "CREATE INDEX portfolio_files_item_idx ON portfolio_files (portfolio_id, position)",
        ]
    }
}
