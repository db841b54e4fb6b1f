import AgoraDomain
import Foundation
import SQLKit

/// Hourly projects' weeks: a week's timesheet for a member, the weekly totals, and the approvals (by the client
/// once the week has ended, or by the review job once `projects.timesheet-review-days` have passed). An approval
/// fixes the minutes and the amount that are billed; it happens once per week, whoever races.
public struct TimesheetRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    public typealias Announce = @Sendable (TimesheetApproved) throws -> Announcements

    /// The week of the project, for one of its members; nil for anyone else, or when the project is not hourly.
    public func timesheet(projectID: Int64, week: TimesheetWeek, for userID: Int64, now: Date) async throws -> Timesheet? {
        guard let row = try await store.sql.raw("""
            SELECT \(ProjectRepository.projectColumns) FROM projects p
            WHERE p.id = \(bind: projectID) AND (p.client_id = \(bind: userID) OR p.provider_id = \(bind: userID))
            """).first() else { return nil }
        let project = try ProjectRepository.project(from: row)
        guard let hours = project.billing.weeklyLimitHours else { return nil }
        let entries = try await store.sql.raw("""
            SELECT \(TimeEntryRepository.columns) FROM time_entries
            WHERE project_id = \(bind: projectID) AND week_start = \(bind: week.start) ORDER BY started_at, id
            """).all().map(TimeEntryRepository.entry(from:))
        let approval = try await store.sql.raw("""
            SELECT minutes, amount_minor, approved_by, approved_at FROM timesheet_approvals
            WHERE project_id = \(bind: projectID) AND week_start = \(bind: week.start)
            """).first().map { row in
            Timesheet.Approval(
                at: try row.decode(column: "approved_at", as: Date.self),
                by: try row.decodeIfPresent(column: "approved_by", as: Int64.self).flatMap(project.role(of:)),
                minutes: try row.decode(column: "minutes", as: Int.self),
                amount: Money(minorUnits: try row.decode(column: "amount_minor", as: Int64.self), currency: project.agreedPrice.currency)
            )
        }
        return Timesheet(
            week: week, status: TimesheetStatus.of(week, approvedAt: approval?.at, now: now), entries: entries,
            minutes: entries.reduce(0) { $0 + ($1.minutes ?? 0) }, limitMinutes: hours * 60, rate: project.agreedPrice, approval: approval
        )
    }

    /// The client approves a week that has ended: its minutes and amount are fixed for billing, the provider told.
    public func approve(projectID: Int64, week: TimesheetWeek, by userID: Int64, now: Date, announce: @escaping Announce) async throws -> TimesheetApproved {
        try await store.uniqueOrConflict("this week is already approved") {
            try await store.transaction { [store] db in
                let project = try await ProjectRepository.locked(projectID, on: db)
                guard project.role(of: userID) != nil else { throw StoreError.notFound("the project") }
                guard project.clientID == userID else { throw StatusTransitionError("only the project's client approves its time") }
                return try await Self.approve(project, week: week, by: userID, now: now, store: store, db: db, announce: announce)
            }
        }
    }

    /// Approves, each in its own transaction, the weeks whose review window (`windowDays` after the week's end) has
    /// closed without the client's answer; the number approved.
    public func approveUnanswered(windowDays: Int, now: Date, limit: Int, announce: @escaping Announce) async throws -> Int {
        let lastWeekStart = now.addingTimeInterval(-TimeInterval(windowDays) * 86_400 - 7 * 86_400)
        let due = try await store.sql.raw("""
            SELECT DISTINCT t.project_id, t.week_start FROM time_entries t
            WHERE t.minutes IS NOT NULL AND t.week_start <= \(bind: lastWeekStart)
              AND NOT EXISTS (SELECT 1 FROM timesheet_approvals a WHERE a.project_id = t.project_id AND a.week_start = t.week_start)
            ORDER BY t.week_start, t.project_id LIMIT \(bind: limit)
            """).all()
        var approved = 0
        for row in due {
            let projectID = try row.decode(column: "project_id", as: Int64.self)
            let week = TimesheetWeek(containing: try row.decode(column: "week_start", as: Date.self))
            do {
                let done = try await store.uniqueOrConflict("this week is already approved") {
                    try await store.transaction { [store] db -> Bool in
                        let project = try await ProjectRepository.locked(projectID, on: db)
                        guard try await Self.approval(of: projectID, week: week, on: db) == nil else { return false }
                        _ = try await Self.approve(project, week: week, by: nil, now: now, store: store, db: db, announce: announce)
                        return true
                    }
                }
                if done { approved += 1 }
            } catch StoreError.conflict(_) {
                continue
            }
        }
        return approved
    }

    /// The weekly totals of these hourly projects, oldest week first: what their charts and progress read.
    static func weekTotals(of projectIDs: [Int64], on db: any SQLDatabase) async throws -> [Int64: [WeekTotal]] {
        guard !projectIDs.isEmpty else { return [:] }
        let logged = try await db.raw("""
            SELECT project_id, week_start, SUM(minutes) AS total FROM time_entries
            WHERE project_id IN (\(binds: projectIDs)) AND minutes IS NOT NULL GROUP BY project_id, week_start
            """).all()
        let approvals = try await db.raw("""
            SELECT project_id, week_start, minutes, approved_at FROM timesheet_approvals WHERE project_id IN (\(binds: projectIDs))
            """).all()
        var approved: [Int64: [Date: (Int, Date)]] = [:]
        for row in approvals {
            approved[try row.decode(column: "project_id", as: Int64.self), default: [:]][try row.decode(column: "week_start", as: Date.self)] =
                (try row.decode(column: "minutes", as: Int.self), try row.decode(column: "approved_at", as: Date.self))
        }
        var totals: [Int64: [WeekTotal]] = [:]
        for row in logged {
            let projectID = try row.decode(column: "project_id", as: Int64.self)
            let start = try row.decode(column: "week_start", as: Date.self)
            let approval = approved[projectID]?[start]
            totals[projectID, default: []].append(WeekTotal(
                week: TimesheetWeek(containing: start), minutes: try row.decode(column: "total", as: Int.self),
                approvedMinutes: approval?.0, approvedAt: approval?.1
            ))
        }
        return totals.mapValues { $0.sorted { $0.week < $1.week } }
    }

    // MARK: Inside a transaction

    private static func approval(of projectID: Int64, week: TimesheetWeek, on db: any SQLDatabase) async throws -> Date? {
        try await db.raw("""
            SELECT approved_at FROM timesheet_approvals WHERE project_id = \(bind: projectID) AND week_start = \(bind: week.start)
            """).first()?.decode(column: "approved_at", as: Date.self)
    }

    private static func approve(
        _ project: Project, week: TimesheetWeek, by userID: Int64?, now: Date, store: Store, db: any SQLDatabase, announce: Announce
    ) async throws -> TimesheetApproved {
        guard project.billing.weeklyLimitHours != nil else { throw StatusTransitionError("this project has a fixed price: it has no timesheets") }
        switch TimesheetStatus.of(week, approvedAt: try await approval(of: project.id, week: week, on: db), now: now) {
        case .open: throw StatusTransitionError("the week of \(week) has not ended: it is approved once it has")
        case .approved: throw StoreError.conflict("this week is already approved")
        case .inReview: break
        }
        if try await db.raw("""
            SELECT id FROM time_entries WHERE project_id = \(bind: project.id) AND week_start = \(bind: week.start) AND minutes IS NULL
            """).first() != nil {
            throw StatusTransitionError("a timer is still running in the week of \(week)")
        }
        let minutes = try await TimeEntryRepository.logged(project: project.id, week: week, excluding: nil, on: db)
        guard minutes > 0 else { throw StatusTransitionError("the week of \(week) has no time to approve") }
        let amount = HourlyRules.amount(minutes: minutes, rate: project.agreedPrice)
        try await db.raw("""
            INSERT INTO timesheet_approvals (project_id, week_start, minutes, amount_minor, currency, approved_by, approved_at)
            VALUES (\(bind: project.id), \(bind: week.start), \(bind: minutes), \(bind: amount.minorUnits), \(bind: amount.currency.code),
                    \(bind: userID), \(bind: now))
            """).run()
        try await ProjectActivityLog.record(
            userID == nil ? .timesheetApprovedAutomatically : .timesheetApproved, projectID: project.id, actorID: userID,
            detail: ["week": week.description, "minutes": String(minutes), "amount": amount.formatted], now: now, on: db
        )
        // The approval is the release of what the week's charge holds in escrow (a week not charged yet is released
        // by its charge).
        try await WeekPaymentRepository.release(project.id, week: week, store: store, now: now, on: db)
        let approved = TimesheetApproved(
            week: week, minutes: minutes, amount: amount, automatically: userID == nil, project: project,
            members: try await ProjectRepository.members(of: project, on: db)
        )
        try await NotificationRepository.write(try announce(approved), store: store, on: db, now: now)
        return approved
    }
}
