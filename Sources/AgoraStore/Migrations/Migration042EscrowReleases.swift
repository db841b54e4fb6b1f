import AgoraDomain
import SQLKit

extension Migrations {
    /// Each movement of escrow to a provider (`escrow_releases`): the part of the milestone's amount, the provider's
    /// commission on it and the client's fee share that went with it, under the ledger key that moved it. The
    /// ledger's release lines hold only the net and the platform's sum; statements, receipts and the finance summary
    /// read the parts from here. And the `finance.read` permission (the finance summary, the ledger's verification),
    /// given to the roles whose defaults hold it.
    static let escrowReleases = Migration(version: 42, name: "escrow releases and finance.read", statements: { dialect in
        let time = dialect.timestamp
        return [
            """
            CREATE TABLE escrow_releases (
                id \(dialect.identity),
                milestone_id BIGINT NOT NULL REFERENCES project_milestones (id) ON DELETE RESTRICT,
                project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE RESTRICT,
                provider_id BIGINT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
                client_id BIGINT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
                currency TEXT NOT NULL,
                amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
                commission_minor BIGINT NOT NULL CHECK (commission_minor >= 0 AND commission_minor <= amount_minor),
                fee_share_minor BIGINT NOT NULL CHECK (fee_share_minor >= 0),
                ledger_key TEXT NOT NULL UNIQUE,
                created_at \(time) NOT NULL
            )
            """,
            "CREATE INDEX escrow_releases_provider_idx ON escrow_releases (provider_id, created_at)",
            "CREATE INDEX escrow_releases_client_idx ON escrow_releases (client_id, created_at)",
        ]
    }, data: { database, _ in
        for role in StaffRole.allCases where role.defaultPermissions.contains(.financeRead) {
            try await database.raw("""
                INSERT INTO role_permissions (role, permission) VALUES (\(bind: role.rawValue), \(bind: AdminPermission.financeRead.rawValue))
                ON CONFLICT DO NOTHING
                """).run()
        }
    })
}
