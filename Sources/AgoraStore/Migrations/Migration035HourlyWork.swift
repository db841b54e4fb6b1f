extension Migrations {
    /// Hourly work: proposals, their revisions and projects say how the work is paid (`Billing`; for hourly work the
    /// price columns hold the rate per hour), the provider's entries of time (a running timer has no minutes yet; at
    /// most one runs per project), and the weeks the client approved, with what they came to, for billing.
    static let hourlyWork = Migration(version: 35, name: "hourly work") { dialect in
        let time = dialect.timestamp
        let billing = "billing TEXT NOT NULL DEFAULT 'fixed' CHECK (billing IN ('fixed', 'hourly'))"
        let limit = "weekly_limit_hours INTEGER CHECK (weekly_limit_hours BETWEEN 1 AND 168)"
        return [
            "ALTER TABLE proposals ADD COLUMN \(billing)",
            "ALTER TABLE proposals ADD COLUMN \(limit)",
            "ALTER TABLE proposal_revisions ADD COLUMN \(billing)",
            "ALTER TABLE proposal_revisions ADD COLUMN \(limit)",
            "ALTER TABLE projects ADD COLUMN \(billing)",
            "ALTER TABLE projects ADD COLUMN \(limit)",
            """
            CREATE TABLE time_entries (
                id \(dialect.identity),
                project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                provider_id BIGINT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
                week_start \(time) NOT NULL,
                started_at \(time) NOT NULL,
                minutes INTEGER CHECK (minutes BETWEEN 0 AND 720),
                memo TEXT NOT NULL,
                manual BOOLEAN NOT NULL,
                created_at \(time) NOT NULL,
                updated_at \(time) NOT NULL
            )
            """,
            "CREATE INDEX time_entries_week_idx ON time_entries (project_id, week_start, started_at)",
            "CREATE UNIQUE INDEX time_entries_running_idx ON time_entries (project_id) WHERE minutes IS NULL",
            """
            CREATE TABLE timesheet_approvals (
                project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                week_start \(time) NOT NULL,
                minutes INTEGER NOT NULL CHECK (minutes >= 0),
                amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0),
                currency TEXT NOT NULL,
                approved_by BIGINT REFERENCES users (id) ON DELETE RESTRICT,
                approved_at \(time) NOT NULL,
                PRIMARY KEY (project_id, week_start)
            )
            """,
        ]
    }
}
