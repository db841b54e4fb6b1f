import AgoraDomain
import Foundation
import SQLKit

/// The provider's time on hourly projects: entries typed in, a timer started and stopped, corrections and removals.
/// Each runs in one transaction with the project locked, so the weekly limit holds however many requests race;
/// only the project's provider touches its time, only in the open week (`TimesheetStatus.takesTime`), only while
/// the project is active.
public struct TimeEntryRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// An entry typed in by hand (marked manual).
    public func log(_ draft: TimeEntryDraft, projectID: Int64, by userID: Int64, now: Date) async throws -> TimeEntry {
        try await store.transaction { db in
            let (project, limit) = try await Self.lockedForTime(projectID, by: userID, on: db)
            let week = TimesheetWeek(containing: draft.startedAt)
            try await Self.checkLimit(adding: draft.minutes, project: project.id, week: week, limit: limit, excluding: nil, on: db)
            let id = try await Self.insert(projectID: project.id, providerID: userID, week: week, startedAt: draft.startedAt, minutes: draft.minutes,
                                           memo: draft.memo, manual: true, now: now, on: db)
            try await Self.recordLogged(.timeLogged, id: id, minutes: draft.minutes, memo: draft.memo, manual: true, project: project, actor: userID, now: now, on: db)
            return try await Self.entry(id, on: db)
        }
    }

    /// Starts the project's timer now, with what the provider is working on. One runs per project; a week whose
    /// limit is used up starts none.
    public func startTimer(projectID: Int64, by userID: Int64, memo: String, now: Date) async throws -> TimeEntry {
        try await store.uniqueOrConflict("a timer is already running on this project") {
            try await store.transaction { db in
                let (project, limit) = try await Self.lockedForTime(projectID, by: userID, on: db)
                let week = TimesheetWeek(containing: now)
                if try await Self.logged(project: project.id, week: week, excluding: nil, on: db) >= limit {
                    throw StatusTransitionError("this week's limit of \(HourlyRules.duration(limit)) is used up")
                }
                let id = try await Self.insert(projectID: project.id, providerID: userID, week: week, startedAt: now, minutes: nil, memo: memo,
                                               manual: false, now: now, on: db)
                return try await Self.entry(id, on: db)
            }
        }
    }

    /// Stops the project's running timer: it counts the whole minutes since it started, at most
    /// `HourlyRules.entryMinutes`' end, to the end of its week and to what the week's limit leaves. An entry that
    /// comes to no minute is not kept (it is answered with 0 minutes).
    public func stopTimer(projectID: Int64, by userID: Int64, now: Date) async throws -> TimeEntry {
        try await store.transaction { db in
            let project = try await ProjectRepository.locked(projectID, on: db)
            guard project.providerID == userID else { throw StoreError.notFound("the project") }
            guard let running = try await Self.running(of: project.id, on: db) else { throw StatusTransitionError("no timer is running on this project") }
            return try await Self.stop(running, project: project, actor: userID, now: now, on: db)
        }
    }

    /// Replaces a stopped entry's start, minutes and memo (a changed start or duration makes it manual).
    public func edit(_ entryID: Int64, draft: TimeEntryDraft, by userID: Int64, now: Date) async throws -> TimeEntry {
        try await store.transaction { db in
            let (project, limit) = try await Self.lockedForTime(try await Self.projectOf(entryID, by: userID, on: db), by: userID, on: db)
            let current = try await Self.ownEntry(entryID, by: userID, now: now, on: db)
            guard let minutes = current.minutes else { throw StatusTransitionError("a running timer takes a new memo only: stop it first") }
            // A start sent back as it was read (to the second) is no change: only a moved start or another duration is.
            let moved = abs(draft.startedAt.timeIntervalSince(current.startedAt)) >= 1
            let startedAt = moved ? draft.startedAt : current.startedAt
            let week = TimesheetWeek(containing: startedAt)
            try await Self.checkLimit(adding: draft.minutes, project: project.id, week: week, limit: limit, excluding: entryID, on: db)
            let manual = current.manual || moved || draft.minutes != minutes
            try await db.raw("""
                UPDATE time_entries SET started_at = \(bind: startedAt), week_start = \(bind: week.start), minutes = \(bind: draft.minutes),
                    memo = \(bind: draft.memo), manual = \(bind: manual), updated_at = \(bind: now)
                WHERE id = \(bind: entryID)
                """).run()
            try await ProjectActivityLog.record(
                .timeChanged, projectID: project.id, actorID: userID,
                detail: ["entry_id": String(entryID), "minutes": String(draft.minutes), "was_minutes": String(minutes), "memo": draft.memo], now: now, on: db
            )
            return try await Self.entry(entryID, on: db)
        }
    }

    /// A new memo for an entry of the open week, the running timer's included.
    public func rename(_ entryID: Int64, memo: String, by userID: Int64, now: Date) async throws -> TimeEntry {
        try await store.transaction { db in
            _ = try await Self.lockedForTime(try await Self.projectOf(entryID, by: userID, on: db), by: userID, on: db)
            _ = try await Self.ownEntry(entryID, by: userID, now: now, on: db)
            try await db.raw("UPDATE time_entries SET memo = \(bind: memo), updated_at = \(bind: now) WHERE id = \(bind: entryID)").run()
            return try await Self.entry(entryID, on: db)
        }
    }

    /// Removes an entry of the open week (a running timer is discarded).
    public func remove(_ entryID: Int64, by userID: Int64, now: Date) async throws {
        try await store.transaction { db in
            let (project, _) = try await Self.lockedForTime(try await Self.projectOf(entryID, by: userID, on: db), by: userID, on: db)
            let current = try await Self.ownEntry(entryID, by: userID, now: now, on: db)
            try await db.raw("DELETE FROM time_entries WHERE id = \(bind: entryID)").run()
            try await ProjectActivityLog.record(
                .timeRemoved, projectID: project.id, actorID: userID,
                detail: ["entry_id": String(entryID), "minutes": String(current.minutes ?? 0), "memo": current.memo], now: now, on: db
            )
        }
    }

    /// An entry of the provider's, in the open week; its project's provider alone finds it.
    public func find(_ entryID: Int64, by userID: Int64) async throws -> TimeEntry? {
        guard let entry = try await Self.entryIfPresent(entryID, on: store.sql), entry.providerID == userID else { return nil }
        return entry
    }

    /// Stops every timer left running past the end of its week or past `HourlyRules.entryMinutes`, as if stopped
    /// then (the clean-up of forgotten timers); the number stopped.
    public func stopForgotten(now: Date) async throws -> Int {
        let cutoff = now.addingTimeInterval(-TimeInterval(HourlyRules.entryMinutes.upperBound) * 60)
        let rows = try await store.sql.raw("""
            SELECT id, project_id FROM time_entries
            WHERE minutes IS NULL AND (started_at <= \(bind: cutoff) OR week_start <= \(bind: TimesheetWeek(containing: now).previous.start))
            """).all()
        var stopped = 0
        for row in rows {
            let projectID = try row.decode(column: "project_id", as: Int64.self)
            let stoppedOne = try await store.transaction { db -> Bool in
                let project = try await ProjectRepository.locked(projectID, on: db)
                guard let running = try await Self.running(of: projectID, on: db) else { return false }
                _ = try await Self.stop(running, project: project, actor: nil, now: now, on: db)
                return true
            }
            if stoppedOne { stopped += 1 }
        }
        return stopped
    }

    // MARK: Inside a transaction

    /// The project, locked, when `userID` is its provider and it takes time now; with its weekly limit in minutes.
    static func lockedForTime(_ projectID: Int64, by userID: Int64, on db: any SQLDatabase) async throws -> (Project, Int) {
        let project = try await ProjectRepository.locked(projectID, on: db)
        guard project.role(of: userID) != nil else { throw StoreError.notFound("the project") }
        guard project.providerID == userID else { throw StatusTransitionError("only the project's provider logs time") }
        guard let hours = project.billing.weeklyLimitHours else { throw StatusTransitionError("this project has a fixed price: time is logged on hourly work") }
        guard project.status.isWorking else { throw StatusTransitionError("time is logged on active projects only; this one is \(project.status.label)") }
        return (project, hours * 60)
    }

    /// The project of an entry of `userID`'s, to lock before the entry is read again.
    static func projectOf(_ entryID: Int64, by userID: Int64, on db: any SQLDatabase) async throws -> Int64 {
        guard let entry = try await entryIfPresent(entryID, on: db), entry.providerID == userID else { throw StoreError.notFound("the time entry") }
        return entry.projectID
    }

    /// The entry, when it is `userID`'s and its week is still open.
    static func ownEntry(_ entryID: Int64, by userID: Int64, now: Date, on db: any SQLDatabase) async throws -> TimeEntry {
        guard let entry = try await entryIfPresent(entryID, on: db), entry.providerID == userID else { throw StoreError.notFound("the time entry") }
        guard entry.week == TimesheetWeek(containing: now) else { throw TimeEntryDraft.closed(entry.week) }
        return entry
    }

    /// Stops a running entry at `now`, as `stopTimer` says, and records it.
    static func stop(_ running: TimeEntry, project: Project, actor: Int64?, now: Date, on db: any SQLDatabase) async throws -> TimeEntry {
        let limit = (project.billing.weeklyLimitHours ?? 0) * 60
        let end = min(now, running.week.end)
        let left = limit - (try await logged(project: project.id, week: running.week, excluding: running.id, on: db))
        let minutes = max(0, min(Int(end.timeIntervalSince(running.startedAt) / 60), HourlyRules.entryMinutes.upperBound, left))
        guard minutes > 0 else {
            try await db.raw("DELETE FROM time_entries WHERE id = \(bind: running.id)").run()
            return TimeEntry(
                id: running.id, projectID: running.projectID, providerID: running.providerID, week: running.week, startedAt: running.startedAt,
                minutes: 0, memo: running.memo, manual: false, createdAt: running.createdAt, updatedAt: now
            )
        }
        try await db.raw("UPDATE time_entries SET minutes = \(bind: minutes), updated_at = \(bind: now) WHERE id = \(bind: running.id)").run()
        try await recordLogged(.timeLogged, id: running.id, minutes: minutes, memo: running.memo, manual: false, project: project, actor: actor, now: now, on: db)
        return try await entry(running.id, on: db)
    }

    static func checkLimit(adding minutes: Int, project: Int64, week: TimesheetWeek, limit: Int, excluding: Int64?, on db: any SQLDatabase) async throws {
        let logged = try await logged(project: project, week: week, excluding: excluding, on: db)
        guard logged + minutes <= limit else {
            throw ValidationError(
                field: "minutes",
                message: "would take \(week) past its limit of \(HourlyRules.duration(limit)): \(HourlyRules.duration(logged)) is logged, \(HourlyRules.duration(max(0, limit - logged))) is left"
            )
        }
    }

    /// The stopped minutes of a week.
    static func logged(project: Int64, week: TimesheetWeek, excluding: Int64?, on db: any SQLDatabase) async throws -> Int {
        try await db.raw("""
            SELECT COALESCE(SUM(minutes), 0) AS total FROM time_entries
            WHERE project_id = \(bind: project) AND week_start = \(bind: week.start) AND minutes IS NOT NULL AND id <> \(bind: excluding ?? 0)
            """).first()?.decode(column: "total", as: Int.self) ?? 0
    }

    static func insert(
        projectID: Int64, providerID: Int64, week: TimesheetWeek, startedAt: Date, minutes: Int?, memo: String, manual: Bool, now: Date,
        on db: any SQLDatabase
    ) async throws -> Int64 {
        guard let row = try await db.raw("""
            INSERT INTO time_entries (project_id, provider_id, week_start, started_at, minutes, memo, manual, created_at, updated_at)
            VALUES (\(bind: projectID), \(bind: providerID), \(bind: week.start), \(bind: startedAt), \(bind: minutes), \(bind: memo), \(bind: manual),
                    \(bind: now), \(bind: now))
            RETURNING id
            """).first() else { throw StoreError.conflict("the time entry was not saved") }
        return try row.decode(column: "id", as: Int64.self)
    }

    private static func recordLogged(
        _ kind: ProjectActivityKind, id: Int64, minutes: Int, memo: String, manual: Bool, project: Project, actor: Int64?, now: Date,
        on db: any SQLDatabase
    ) async throws {
        try await ProjectActivityLog.record(
            kind, projectID: project.id, actorID: actor,
            detail: ["entry_id": String(id), "minutes": String(minutes), "memo": memo, "manual": manual ? "true" : "false"], now: now, on: db
        )
    }

    static let columns: SQLQueryString = "id, project_id, provider_id, week_start, started_at, minutes, memo, manual, created_at, updated_at"

    static func entry(from row: any SQLRow) throws -> TimeEntry {
        TimeEntry(
            id: try row.decode(column: "id", as: Int64.self),
            projectID: try row.decode(column: "project_id", as: Int64.self),
            providerID: try row.decode(column: "provider_id", as: Int64.self),
            week: TimesheetWeek(containing: try row.decode(column: "week_start", as: Date.self)),
            startedAt: try row.decode(column: "started_at", as: Date.self),
            minutes: try row.decodeIfPresent(column: "minutes", as: Int.self),
            memo: try row.decode(column: "memo", as: String.self),
            manual: try row.decode(column: "manual", as: Bool.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self)
        )
    }

    static func entryIfPresent(_ id: Int64, on db: any SQLDatabase) async throws -> TimeEntry? {
        try await db.raw("SELECT \(columns) FROM time_entries WHERE id = \(bind: id)").first().map(entry(from:))
    }

    static func entry(_ id: Int64, on db: any SQLDatabase) async throws -> TimeEntry {
        guard let entry = try await entryIfPresent(id, on: db) else { throw StoreError.notFound("the time entry") }
        return entry
    }

    static func running(of projectID: Int64, on db: any SQLDatabase) async throws -> TimeEntry? {
        try await db.raw("SELECT \(columns) FROM time_entries WHERE project_id = \(bind: projectID) AND minutes IS NULL").first().map(entry(from:))
    }
}
