import SQLKit

extension Migrations {
    /// Tax on the platform's fees. `billing_details`: who a member's receipts are made out to (name, country, region,
    /// address, a business's tax number), which decides their tax (`TaxPolicy`). Payments record the tax on the
    /// client's fee and the note receipts print about it; milestones hold that tax in escrow beside the fee; refunds
    /// and releases record the share of it they moved, and releases the provider's tax on the commission.
    static let tax = Migration(version: 44, name: "billing details and tax on fees") { dialect in
        [
            """
            CREATE TABLE billing_details (
                user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                country TEXT NOT NULL,
                region TEXT,
                address TEXT NOT NULL DEFAULT '',
                tax_number TEXT,
                updated_at \(dialect.timestamp) NOT NULL
            )
            """,
            "ALTER TABLE payments ADD COLUMN fee_tax_minor BIGINT NOT NULL DEFAULT 0 CHECK (fee_tax_minor >= 0)",
            "ALTER TABLE payments ADD COLUMN tax_note TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE project_milestones ADD COLUMN escrow_fee_tax_minor BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE payment_refunds ADD COLUMN fee_tax_share_minor BIGINT NOT NULL DEFAULT 0 CHECK (fee_tax_share_minor >= 0)",
            "ALTER TABLE escrow_releases ADD COLUMN fee_tax_share_minor BIGINT NOT NULL DEFAULT 0 CHECK (fee_tax_share_minor >= 0)",
            "ALTER TABLE escrow_releases ADD COLUMN commission_tax_minor BIGINT NOT NULL DEFAULT 0 CHECK (commission_tax_minor >= 0)",
            "ALTER TABLE escrow_releases ADD COLUMN tax_note TEXT NOT NULL DEFAULT ''",
        ]
    }
}
