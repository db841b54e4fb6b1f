import AgoraDomain
import Foundation
import SQLKit

extension Migrations {
    /// Where work happens after acceptance: projects get the statuses of `ProjectStatus` (the earlier two, not
    /// started and in progress, become active), a description, when they started and completed, and when anything
    /// last happened; milestones (`MilestoneStatus`; no CHECK on the status, so that the payments issue's states
    /// need no table rebuild), their submissions, and the activity feed. Every existing project gets the
    /// milestones of its accepted proposal's plan (one milestone for the whole price when it had none), and its
    /// order moves to in progress.
    static let projectWork = Migration(version: 31, name: "project work", statements: { dialect in
        let id = dialect.identity
        let time = dialect.timestamp
        let statuses = ProjectStatus.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        var statements: [String] = []
        switch dialect.engine {
        case .sqlite:
            // SQLite changes a CHECK constraint only by making the table again; nothing refers to projects yet.
            statements += [
                """
                CREATE TABLE projects_rebuilt (
                    id \(id),
                    order_id BIGINT NOT NULL UNIQUE REFERENCES orders (id) ON DELETE RESTRICT,
                    proposal_id BIGINT NOT NULL UNIQUE REFERENCES proposals (id) ON DELETE RESTRICT,
                    client_id BIGINT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
                    provider_id BIGINT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
                    title TEXT NOT NULL,
                    description TEXT NOT NULL DEFAULT '',
                    status TEXT NOT NULL CHECK (status IN (\(statuses))),
                    agreed_price_minor BIGINT NOT NULL CHECK (agreed_price_minor > 0),
                    currency TEXT NOT NULL,
                    deadline \(time) NOT NULL,
                    started_at \(time) NOT NULL,
                    completed_at \(time),
                    last_activity_at \(time) NOT NULL,
                    created_at \(time) NOT NULL,
                    updated_at \(time) NOT NULL
                )
                """,
                """
                INSERT INTO projects_rebuilt (id, order_id, proposal_id, client_id, provider_id, title, status, agreed_price_minor, currency,
                    deadline, started_at, completed_at, last_activity_at, created_at, updated_at)
                SELECT id, order_id, proposal_id, client_id, provider_id, title,
                    CASE WHEN status IN ('not_started', 'in_progress') THEN 'active' ELSE status END,
                    agreed_price_minor, currency, deadline, created_at, CASE WHEN status = 'completed' THEN updated_at END, updated_at,
                    created_at, updated_at
                FROM projects
                """,
                "DROP TABLE projects",
                "ALTER TABLE projects_rebuilt RENAME TO projects",
                "CREATE INDEX projects_client_idx ON projects (client_id, created_at)",
                "CREATE INDEX projects_provider_idx ON projects (provider_id, created_at)",
            ]
        case .postgresql:
            statements += [
                "ALTER TABLE projects DROP CONSTRAINT projects_status_check",
                "UPDATE projects SET status = 'active' WHERE status IN ('not_started', 'in_progress')",
                "ALTER TABLE projects ADD CONSTRAINT projects_status_check CHECK (status IN (\(statuses)))",
                "ALTER TABLE projects ADD COLUMN description TEXT NOT NULL DEFAULT ''",
                "ALTER TABLE projects ADD COLUMN started_at \(time)",
                "ALTER TABLE projects ADD COLUMN completed_at \(time)",
                "ALTER TABLE projects ADD COLUMN last_activity_at \(time)",
                "UPDATE projects SET started_at = created_at, last_activity_at = updated_at, completed_at = CASE WHEN status = 'completed' THEN updated_at END",
                "ALTER TABLE projects ALTER COLUMN started_at SET NOT NULL",
                "ALTER TABLE projects ALTER COLUMN last_activity_at SET NOT NULL",
                "ALTER TABLE orders DROP CONSTRAINT orders_status_check",
                "ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN (\(OrderStatus.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))))",
            ]
        }
        statements += [
            """
            CREATE TABLE project_milestones (
                id \(id),
                project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                title TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
                currency TEXT NOT NULL,
                due_at \(time),
                status TEXT NOT NULL,
                proposed_by TEXT,
                revision INTEGER NOT NULL DEFAULT 0,
                submitted_at \(time),
                reminded_at \(time),
                approved_at \(time),
                created_at \(time) NOT NULL,
                updated_at \(time) NOT NULL,
                UNIQUE (project_id, position)
            )
            """,
            "CREATE INDEX project_milestones_review_idx ON project_milestones (status, submitted_at)",
            """
            CREATE TABLE milestone_submissions (
                id \(id),
                milestone_id BIGINT NOT NULL REFERENCES project_milestones (id) ON DELETE CASCADE,
                revision INTEGER NOT NULL,
                note TEXT NOT NULL,
                submitted_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
                submitted_at \(time) NOT NULL,
                response TEXT,
                responded_at \(time),
                UNIQUE (milestone_id, revision)
            )
            """,
            """
            CREATE TABLE project_activities (
                id \(id),
                project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                actor_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
                kind TEXT NOT NULL,
                milestone_id BIGINT REFERENCES project_milestones (id) ON DELETE SET NULL,
                detail TEXT NOT NULL DEFAULT '{}',
                created_at \(time) NOT NULL
            )
            """,
            "CREATE INDEX project_activities_project_idx ON project_activities (project_id, id)",
        ]
        return statements
    }, data: { db, engine in
        if engine == .sqlite { try await allowCompletedOrders(on: db) }
        for row in try await db.raw("SELECT id, proposal_id, order_id, created_at, deadline FROM projects ORDER BY id").all() {
            let projectID = try row.decode(column: "id", as: Int64.self)
            // The proposal's terms as this version's table holds them (the live repository reads later columns too).
            guard let proposal = try await db.raw("""
                SELECT message, price_minor, currency, timeline_days, milestones FROM proposals
                WHERE id = \(bind: try row.decode(column: "proposal_id", as: Int64.self))
                """).first() else { throw StoreError.notFound("the accepted proposal of project \(projectID)") }
            let terms = ProposalTerms(
                message: try proposal.decode(column: "message", as: String.self),
                price: Money(
                    minorUnits: try proposal.decode(column: "price_minor", as: Int64.self),
                    currency: try CurrencyCode(try proposal.decode(column: "currency", as: String.self))
                ),
                timelineDays: try proposal.decode(column: "timeline_days", as: Int.self),
                milestones: try JSONDecoder().decode([ProposalTerms.Milestone].self, from: Data(try proposal.decode(column: "milestones", as: String.self).utf8))
            )
            let start = try row.decode(column: "created_at", as: Date.self)
            let plan = MilestonePlan(terms, start: start, deadline: try row.decode(column: "deadline", as: Date.self))
            try await MilestoneRepository.insertPlan(plan, projectID: projectID, now: start, on: db)
            // The feed's first entry, written as this version's tables hold it (the live log writes to later ones too).
            try await db.raw("""
                INSERT INTO project_activities (project_id, actor_id, kind, milestone_id, detail, created_at)
                VALUES (\(bind: projectID), NULL, \(state: ProjectActivityKind.projectStarted), NULL, '{}', \(bind: start))
                """).run()
            try await db.raw("UPDATE projects SET last_activity_at = \(bind: start) WHERE id = \(bind: projectID)").run()
            try await db.raw("""
                UPDATE orders SET status = \(state: OrderStatus.inProgress) WHERE id = \(bind: try row.decode(column: "order_id", as: Int64.self))
                AND status = \(state: OrderStatus.awarded)
                """).run()
        }
    })

    /// Lets SQLite's `orders.status` CHECK take `completed`. The table is referred to by many others, so rather
    /// than made again it has its stored definition edited, the way SQLite documents for a constraint that every
    /// row already meets (a wider list changes nothing on disk); the schema version moves so that every
    /// connection reads the new definition.
    private static func allowCompletedOrders(on db: any SQLDatabase) async throws {
        guard let row = try await db.raw("PRAGMA schema_version").first() else { return }
        let version = try row.decode(column: "schema_version", as: Int.self)
        try await db.raw("PRAGMA writable_schema = ON").run()
        try await db.raw("""
            UPDATE sqlite_master SET sql = replace(sql, '''in_progress'', ''cancelled''', '''in_progress'', ''completed'', ''cancelled''')
            WHERE type = 'table' AND name = 'orders'
            """).run()
        try await db.raw("PRAGMA schema_version = \(unsafeRaw: String(version + 1))").run()
        try await db.raw("PRAGMA writable_schema = OFF").run()
    }
}
