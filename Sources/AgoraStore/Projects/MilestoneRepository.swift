import AgoraDomain
import Foundation
import SQLKit

/// The steps of a project's milestones (`MilestoneStatus.after` says which are legal): each in one transaction
/// with the project locked, so that two steps at once (approve and request changes, a double submit) end in one
/// state and the other is refused; each leaves an activity entry and announces itself to the other member.
public struct MilestoneRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    public typealias Announce = @Sendable (MilestoneStepped) throws -> Announcements

    /// The milestones a project starts with, in order from position 1.
    static func insertPlan(_ plan: MilestonePlan, projectID: Int64, now: Date, on db: any SQLDatabase) async throws {
        for (index, item) in plan.items.enumerated() {
            try await db.raw("""
                INSERT INTO project_milestones (project_id, position, title, amount_minor, currency, due_at, status, created_at, updated_at)
                VALUES (\(bind: projectID), \(bind: index + 1), \(bind: item.title), \(bind: item.amount.minorUnits), \(bind: item.amount.currency.code),
                        \(bind: item.dueAt), \(state: MilestoneStatus.pending), \(bind: now), \(bind: now))
                """).run()
        }
    }

    /// A milestone a member proposes while the project runs: it joins the plan once the other member accepts it.
    public func propose(
        _ proposal: MilestoneRules.Proposal, projectID: Int64, by userID: Int64, now: Date, announce: @escaping Announce
    ) async throws -> MilestoneStepped {
        try await store.transaction { [store] db in
            let project = try await ProjectRepository.locked(projectID, on: db)
            guard let role = project.role(of: userID) else { throw StoreError.notFound("the project") }
            guard project.status.isWorking else {
                throw StatusTransitionError("milestones are added to active projects only; this one is \(project.status.label)")
            }
            guard project.billing == .fixed else {
                throw StatusTransitionError("hourly work has no milestones: it is billed by the week's approved time")
            }
            guard proposal.amount.currency == project.agreedPrice.currency else {
                throw ValidationError([FieldError(field: "amount", message: "must be in the project's currency, \(project.agreedPrice.currency.code)")])
            }
            let count = try await db.raw("SELECT COUNT(*) AS n, COALESCE(MAX(position), 0) AS last FROM project_milestones WHERE project_id = \(bind: projectID)").first()
            guard let count, try count.decode(column: "n", as: Int.self) < MilestoneRules.maximumPerProject else {
                throw StoreError.conflict("a project holds at most \(MilestoneRules.maximumPerProject) milestones")
            }
            guard let row = try await db.raw("""
                INSERT INTO project_milestones (project_id, position, title, description, amount_minor, currency, due_at, status, proposed_by, created_at, updated_at)
                VALUES (\(bind: projectID), \(bind: try count.decode(column: "last", as: Int.self) + 1), \(bind: proposal.title), \(bind: proposal.description),
                        \(bind: proposal.amount.minorUnits), \(bind: proposal.amount.currency.code), \(bind: proposal.due.instant),
                        \(state: MilestoneStatus.proposed), \(state: role), \(bind: now), \(bind: now))
                RETURNING id
                """).first() else { throw StoreError.conflict("the milestone was not added") }
            let milestoneID = try row.decode(column: "id", as: Int64.self)
            try await ProjectActivityLog.record(
                .milestoneProposed, projectID: projectID, actorID: userID, milestoneID: milestoneID, detail: ["title": proposal.title], now: now, on: db
            )
            return try await Self.stepped(.milestoneProposed, actor: .member(role), milestoneID: milestoneID, project: project, viewer: userID,
                                          completed: false, store: store, db: db, now: now, announce: announce)
        }
    }

    /// A member's step on a milestone (`note`: a deliverable's, or the change request's, already checked).
    public func step(
        _ milestoneID: Int64, _ step: MilestoneStep, by userID: Int64, note: String?, now: Date, announce: @escaping Announce
    ) async throws -> MilestoneStepped {
        try await store.transaction { [store] db in
            guard let row = try await db.raw("SELECT project_id FROM project_milestones WHERE id = \(bind: milestoneID)").first() else {
                throw StoreError.notFound("the milestone")
            }
            let project = try await ProjectRepository.locked(try row.decode(column: "project_id", as: Int64.self), on: db)
            guard let role = project.role(of: userID) else { throw StoreError.notFound("the milestone") }
            return try await Self.take(step, actor: .member(role), milestoneID: milestoneID, project: project, actorID: userID, viewer: userID,
                                       note: note, store: store, db: db, now: now, announce: announce)
        }
    }

    /// Approves a submission the client left unanswered past the review window, as the window itself; nil when it
    /// was answered in the meantime.
    public func approveUnanswered(_ milestoneID: Int64, submittedBefore cutoff: Date, now: Date, announce: @escaping Announce) async throws -> MilestoneStepped? {
        try await store.transaction { [store] db in
            guard let row = try await db.raw("""
                SELECT project_id FROM project_milestones
                WHERE id = \(bind: milestoneID) AND status = \(state: MilestoneStatus.submitted) AND submitted_at <= \(bind: cutoff)
                """).first() else { return nil }
            let project = try await ProjectRepository.locked(try row.decode(column: "project_id", as: Int64.self), on: db)
            guard project.status.isWorking else { return nil }
            return try await Self.take(.approve, actor: .reviewWindow, milestoneID: milestoneID, project: project, actorID: nil,
                                       viewer: project.clientID, note: nil, store: store, db: db, now: now, announce: announce)
        }
    }

    /// Submissions of active projects waiting for review since before `cutoff`, oldest first: the review window's
    /// work. A paused or disputed project's wait is left out, so that it never fills a batch it cannot move.
    public func unanswered(submittedBefore cutoff: Date, limit: Int) async throws -> [Int64] {
        try await store.sql.raw("""
            SELECT m.id FROM project_milestones m JOIN projects p ON p.id = m.project_id
            WHERE m.status = \(state: MilestoneStatus.submitted) AND m.submitted_at <= \(bind: cutoff) AND p.status = \(state: ProjectStatus.active)
            ORDER BY m.submitted_at, m.id LIMIT \(bind: limit)
            """).all().map { try $0.decode(column: "id", as: Int64.self) }
    }

    /// Reminds the clients of the submissions waiting since before `cutoff` and not reminded yet, in active
    /// projects; returns how many. One transaction per milestone, the project locked before the milestone is marked
    /// (the order every step takes), so a reminder is announced exactly once.
    public func remind(submittedBefore cutoff: Date, now: Date, limit: Int, announce: @escaping Announce) async throws -> Int {
        let ids = try await store.sql.raw("""
            SELECT m.id FROM project_milestones m JOIN projects p ON p.id = m.project_id
            WHERE m.status = \(state: MilestoneStatus.submitted) AND m.submitted_at <= \(bind: cutoff) AND m.reminded_at IS NULL
              AND p.status = \(state: ProjectStatus.active)
            ORDER BY m.submitted_at, m.id LIMIT \(bind: limit)
            """).all().map { try $0.decode(column: "id", as: Int64.self) }
        var reminded = 0
        for id in ids {
            let done = try await store.transaction { [store] db -> Bool in
                guard let row = try await db.raw("SELECT project_id FROM project_milestones WHERE id = \(bind: id)").first() else { return false }
                let projectID = try row.decode(column: "project_id", as: Int64.self)
                let project = try await ProjectRepository.locked(projectID, on: db)
                guard project.status.isWorking, !(try await db.raw("""
                    UPDATE project_milestones SET reminded_at = \(bind: now)
                    WHERE id = \(bind: id) AND status = \(state: MilestoneStatus.submitted) AND reminded_at IS NULL
                    RETURNING id
                    """).all()).isEmpty else { return false }
                try await ProjectActivityLog.record(.reviewReminded, projectID: projectID, actorID: nil, milestoneID: id, now: now, on: db)
                _ = try await Self.stepped(.reviewReminded, actor: .reviewWindow, milestoneID: id, project: project, viewer: project.clientID,
                                           completed: false, store: store, db: db, now: now, announce: announce)
                return true
            }
            if done { reminded += 1 }
        }
        return reminded
    }

    // MARK: Inside a transaction

    static func take(
        _ step: MilestoneStep, actor: MilestoneActor, milestoneID: Int64, project: Project, actorID: Int64?, viewer: Int64, note: String?,
        store: Store, db: any SQLDatabase, now: Date, announce: Announce
    ) async throws -> MilestoneStepped {
        guard project.status.isWorking else {
            throw StatusTransitionError("milestones move in active projects only; this one is \(project.status.label)")
        }
        guard let row = try await db.raw("SELECT \(ProjectRepository.milestoneColumns) FROM project_milestones WHERE id = \(bind: milestoneID)").first() else {
            throw StoreError.notFound("the milestone")
        }
        let milestone = try ProjectRepository.milestone(from: row)
        let next = try milestone.status.after(step, by: actor, proposer: milestone.proposedBy)
        var changes: SQLQueryString = "status = \(state: next), updated_at = \(bind: now)"
        switch step {
        case .submit:
            guard let note, let actorID else { throw StoreError.conflict("a submission needs its note") }
            changes = changes + ", revision = revision + 1, submitted_at = \(bind: now), reminded_at = NULL"
            try await db.raw("""
                INSERT INTO milestone_submissions (milestone_id, revision, note, submitted_by, submitted_at)
                VALUES (\(bind: milestoneID), \(bind: milestone.revision + 1), \(bind: note), \(bind: actorID), \(bind: now))
                """).run()
            try await ProjectFileRepository.deliver(milestoneID: milestoneID, revision: milestone.revision + 1, on: db)
        case .requestChanges:
            guard let note else { throw StoreError.conflict("a change request needs its note") }
            try await answerLatestSubmission(of: milestone, response: note, now: now, on: db)
        case .approve:
            changes = changes + ", approved_at = \(bind: now)"
            try await answerLatestSubmission(of: milestone, response: nil, now: now, on: db)
        case .accept, .decline, .withdraw, .start, .fund, .refundAll, .settle:
            break
        }
        let updated = try await db.raw("""
            UPDATE project_milestones SET \(changes) WHERE id = \(bind: milestoneID) AND status = \(state: milestone.status) RETURNING id
            """).all()
        guard !updated.isEmpty else { throw StoreError.conflict("the milestone changed at the same time; load it again") }
        var detail = ["title": milestone.title]
        if let note, step == .requestChanges { detail["note"] = note }
        let event = ProjectActivityKind(step, by: actor)
        try await ProjectActivityLog.record(event, projectID: project.id, actorID: actorID, milestoneID: milestoneID, detail: detail, now: now, on: db)
        if next == .approved {
            // Approval is the release of whatever is still held for the milestone.
            try await EscrowRepository.release(
                nil, of: milestone, in: project, actorID: actorID, key: "milestone:\(milestoneID):approved", store: store, now: now, on: db
            )
        }
        var completed = false
        if next == .approved {
            let milestones = try await ProjectRepository.milestones(of: [project.id], on: db)[project.id] ?? []
            if ProjectProgress(milestones.map { ($0.status, $0.amount.minorUnits) }).isDone {
                try await ProjectRepository.complete(project, by: nil, store: store, now: now, on: db)
                completed = true
            }
        }
        return try await stepped(event, actor: actor, milestoneID: milestoneID, project: project, viewer: viewer, completed: completed,
                                 store: store, db: db, now: now, announce: announce)
    }

    private static func answerLatestSubmission(of milestone: Milestone, response: String?, now: Date, on db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE milestone_submissions SET response = \(bind: response), responded_at = \(bind: now)
            WHERE milestone_id = \(bind: milestone.id) AND revision = \(bind: milestone.revision)
            """).run()
    }

    static func stepped(
        _ event: ProjectActivityKind, actor: MilestoneActor, milestoneID: Int64, project: Project, viewer: Int64, completed: Bool,
        store: Store, db: any SQLDatabase, now: Date, announce: Announce
    ) async throws -> MilestoneStepped {
        guard let details = try await ProjectRepository.details(project.id, for: viewer, on: db),
              let milestone = details.milestones.first(where: { $0.id == milestoneID }) else { throw StoreError.notFound("the milestone") }
        let stepped = MilestoneStepped(
            event: event, actor: actor, details: details, milestone: milestone, completedProject: completed,
            members: try await ProjectRepository.members(of: project, on: db)
        )
        try await NotificationRepository.write(try announce(stepped), store: store, on: db, now: now)
        return stepped
    }
}
