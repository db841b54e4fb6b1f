import AgoraDomain
import Foundation
import SQLKit

extension ProjectRepository {
    static let projectColumns: SQLQueryString = """
        p.id, p.order_id, p.proposal_id, p.client_id, p.provider_id, p.title, p.description, p.status, p.billing, p.weekly_limit_hours, p.agreed_price_minor,
        p.currency, p.deadline, p.started_at, p.completed_at, p.cancelled_at, p.last_activity_at, p.cancel_requested_by, p.cancel_reason,
        p.cancel_requested_at, p.created_at, p.updated_at
        """

    static func project(from row: any SQLRow) throws -> Project {
        Project(
            id: try row.decode(column: "id", as: Int64.self),
            orderID: try row.decode(column: "order_id", as: Int64.self),
            proposalID: try row.decode(column: "proposal_id", as: Int64.self),
            clientID: try row.decode(column: "client_id", as: Int64.self),
            providerID: try row.decode(column: "provider_id", as: Int64.self),
            title: try row.decode(column: "title", as: String.self),
            description: try row.decode(column: "description", as: String.self),
            status: try row.decodeState(column: "status", as: ProjectStatus.self),
            billing: try ProposalRepository.billing(from: row),
            agreedPrice: Money(
                minorUnits: try row.decode(column: "agreed_price_minor", as: Int64.self),
                currency: try CurrencyCode(try row.decode(column: "currency", as: String.self))
            ),
            deadline: try row.decode(column: "deadline", as: Date.self),
            startedAt: try row.decode(column: "started_at", as: Date.self),
            completedAt: try row.decodeIfPresent(column: "completed_at", as: Date.self),
            cancelledAt: try row.decodeIfPresent(column: "cancelled_at", as: Date.self),
            lastActivityAt: try row.decode(column: "last_activity_at", as: Date.self),
            cancellation: try cancellation(from: row),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self)
        )
    }

    private static func cancellation(from row: any SQLRow) throws -> ProjectCancellation? {
        guard let role = try row.decodeStateIfPresent(column: "cancel_requested_by", as: ProjectRole.self) else { return nil }
        return ProjectCancellation(
            requestedBy: role, reason: try row.decodeIfPresent(column: "cancel_reason", as: String.self) ?? "",
            requestedAt: try row.decode(column: "cancel_requested_at", as: Date.self)
        )
    }

    /// The project, unlocked; nil when there is none.
    static func project(_ id: Int64, on db: any SQLDatabase) async throws -> Project? {
        try await db.raw("SELECT \(projectColumns) FROM projects p WHERE p.id = \(bind: id)").first().map(project(from:))
    }

    /// The project, locked for the rest of the transaction on PostgreSQL (SQLite's writer runs alone anyway).
    static func locked(_ id: Int64, on db: any SQLDatabase) async throws -> Project {
        let lock: SQLQueryString = db.dialect.name == "postgresql" ? " FOR UPDATE" : ""
        guard let row = try await db.raw("SELECT \(projectColumns) FROM projects p WHERE p.id = \(bind: id)\(lock)").first() else {
            throw StoreError.notFound("the project")
        }
        return try project(from: row)
    }

    /// A milestone and its project, the project locked for the rest of the transaction.
    static func lockedMilestone(_ milestoneID: Int64, on db: any SQLDatabase) async throws -> (Milestone, Project) {
        guard let row = try await db.raw("SELECT project_id FROM project_milestones WHERE id = \(bind: milestoneID)").first() else {
            throw StoreError.notFound("the milestone")
        }
        let project = try await locked(try row.decode(column: "project_id", as: Int64.self), on: db)
        guard let milestoneRow = try await db.raw("SELECT \(milestoneColumns) FROM project_milestones WHERE id = \(bind: milestoneID)").first() else {
            throw StoreError.notFound("the milestone")
        }
        return (try milestone(from: milestoneRow), project)
    }

    /// The project's two members, by side, as announcements address them.
    static func members(of project: Project, on db: any SQLDatabase) async throws -> [ProjectRole: Recipient] {
        let people = try await NotificationRepository.recipients([project.clientID, project.providerID], on: db)
        guard let client = people[project.clientID], let provider = people[project.providerID] else { throw StoreError.notFound("a member of the project") }
        return [.client: client, .provider: provider]
    }

    static let milestoneColumns: SQLQueryString = """
        id, project_id, position, title, description, amount_minor, currency, due_at, status, proposed_by, revision,
        submitted_at, reminded_at, approved_at, created_at, updated_at,
        escrow_amount_minor, escrow_fee_minor, escrow_fee_tax_minor, escrow_released_minor, escrow_refunded_minor
        """

    static func milestone(from row: any SQLRow) throws -> Milestone {
        let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
        func money(_ column: String) throws -> Money { Money(minorUnits: try row.decode(column: column, as: Int64.self), currency: currency) }
        return Milestone(
            id: try row.decode(column: "id", as: Int64.self),
            projectID: try row.decode(column: "project_id", as: Int64.self),
            position: try row.decode(column: "position", as: Int.self),
            title: try row.decode(column: "title", as: String.self),
            description: try row.decode(column: "description", as: String.self),
            amount: Money(
                minorUnits: try row.decode(column: "amount_minor", as: Int64.self),
                currency: try CurrencyCode(try row.decode(column: "currency", as: String.self))
            ),
            dueAt: try row.decodeIfPresent(column: "due_at", as: Date.self),
            status: try row.decodeState(column: "status", as: MilestoneStatus.self),
            proposedBy: try row.decodeStateIfPresent(column: "proposed_by", as: ProjectRole.self),
            revision: try row.decode(column: "revision", as: Int.self),
            submittedAt: try row.decodeIfPresent(column: "submitted_at", as: Date.self),
            remindedAt: try row.decodeIfPresent(column: "reminded_at", as: Date.self),
            approvedAt: try row.decodeIfPresent(column: "approved_at", as: Date.self),
            escrow: Escrow(
                amount: try money("escrow_amount_minor"), clientFee: try money("escrow_fee_minor"), feeTax: try money("escrow_fee_tax_minor"),
                released: try money("escrow_released_minor"), refunded: try money("escrow_refunded_minor")
            ),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self)
        )
    }

    /// The milestones of these projects, each project's in its order.
    static func milestones(of projectIDs: [Int64], on db: any SQLDatabase) async throws -> [Int64: [Milestone]] {
        guard !projectIDs.isEmpty else { return [:] }
        let rows = try await db.raw("""
            SELECT \(milestoneColumns) FROM project_milestones WHERE project_id IN (\(binds: projectIDs)) ORDER BY project_id, position
            """).all()
        return Dictionary(grouping: try rows.map(milestone(from:)), by: \.projectID)
    }

    /// The submissions of these milestones, oldest first.
    static func submissions(of milestoneIDs: [Int64], on db: any SQLDatabase) async throws -> [Int64: [MilestoneSubmission]] {
        guard !milestoneIDs.isEmpty else { return [:] }
        let rows = try await db.raw("""
            SELECT id, milestone_id, revision, note, submitted_at, response, responded_at FROM milestone_submissions
            WHERE milestone_id IN (\(binds: milestoneIDs)) ORDER BY milestone_id, revision
            """).all()
        let submissions = try rows.map { row in
            MilestoneSubmission(
                id: try row.decode(column: "id", as: Int64.self),
                milestoneID: try row.decode(column: "milestone_id", as: Int64.self),
                revision: try row.decode(column: "revision", as: Int.self),
                note: try row.decode(column: "note", as: String.self),
                submittedAt: try row.decode(column: "submitted_at", as: Date.self),
                response: try row.decodeIfPresent(column: "response", as: String.self),
                respondedAt: try row.decodeIfPresent(column: "responded_at", as: Date.self)
            )
        }
        return Dictionary(grouping: submissions, by: \.milestoneID)
    }
}

extension ProjectRepository {
    /// The project an accepted proposal becomes: active from now, due when the proposal's timeline ends, paid as the
    /// proposal said, with the milestones of its plan (`MilestonePlan`; hourly work has none), and its first
    /// activity entry.
    static func start(order: Order, proposal: Proposal, now: Date, on db: any SQLDatabase) async throws -> Project {
        let deadline = now.addingTimeInterval(TimeInterval(proposal.terms.timelineDays) * 86_400)
        guard let row = try await db.raw("""
            INSERT INTO projects (order_id, proposal_id, client_id, provider_id, title, description, status, billing, weekly_limit_hours,
                agreed_price_minor, currency, deadline, started_at, last_activity_at, created_at, updated_at)
            VALUES (\(bind: order.id), \(bind: proposal.id), \(bind: order.clientID), \(bind: proposal.providerID), \(bind: order.details.title),
                    \(bind: order.details.description), \(state: ProjectStatus.active), \(state: proposal.terms.billing.kind),
                    \(bind: proposal.terms.billing.weeklyLimitHours), \(bind: proposal.terms.price.minorUnits),
                    \(bind: proposal.terms.price.currency.code), \(bind: deadline), \(bind: now), \(bind: now), \(bind: now), \(bind: now))
            RETURNING id
            """).first() else { throw StoreError.conflict("the project was not created") }
        let project = try await locked(try row.decode(column: "id", as: Int64.self), on: db)
        if proposal.terms.billing == .fixed {
            try await MilestoneRepository.insertPlan(MilestonePlan(proposal.terms, start: now, deadline: deadline), projectID: project.id, now: now, on: db)
        }
        try await ProjectActivityLog.record(.projectStarted, projectID: project.id, actorID: nil, now: now, on: db)
        return project
    }
}
