import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// Hourly work on a project: the provider's entries of time (typed in, or by the timer), the weeks of time and the
/// client's approval, and the client ending the work. The rules are the domain's (`TimeEntryDraft`,
/// `TimesheetStatus`, `HourlyRules`); a step the rules refuse answers 409, the other member's step 403, a project
/// or entry that is not the asker's 404.
struct HourlyRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let announcer: ProjectAnnouncer
    let settings: LivePlatformSettings

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        let projects = signedIn.group("projects")
        projects.get("{id}/time-entries", use: entries)
        projects.post("{id}/time-entries", use: log)
        projects.post("{id}/timer/start", use: startTimer)
        projects.post("{id}/timer/stop", use: stopTimer)
        projects.get("{id}/timesheets", use: weeks)
        projects.get("{id}/timesheets/{week}", use: timesheet)
        projects.post("{id}/timesheets/{week}/approve", use: approve)
        projects.post("{id}/end", use: end)
        signedIn.patch("time-entries/{id}", use: edit)
        signedIn.delete("time-entries/{id}", use: remove)
    }

    private var projects: ProjectRepository { ProjectRepository(store: store) }
    private var time: TimeEntryRepository { TimeEntryRepository(store: store) }
    private var sheets: TimesheetRepository { TimesheetRepository(store: store) }

    /// `?week=2026-W49` (this week when left out): the week's entries, as its timesheet.
    @Sendable func entries(_ request: Request, context: AgoraRequestContext) async throws -> TimesheetBody {
        var query = try ListQuery(request, allowing: ["week"])
        let week = query.parsed("week", rule: "must be an ISO 8601 week such as 2026-W49", TimesheetWeek.init) ?? TimesheetWeek(containing: clock.now)
        try query.finish()
        return try await sheet(of: try await hourlyMember(context), week: week, context: context)
    }

    @Sendable func log(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<TimeEntryBody> {
        let details = try await provider(context)
        let body = try await request.decode(as: TimeEntryInput.self, context: context)
        let now = clock.now
        let draft = try TimeEntryDraft(body.input, projectStartedAt: details.project.startedAt, now: now)
        let entry = try await time.log(draft, projectID: details.project.id, by: details.project.providerID, now: now)
        return EditedResponse(
            status: .created, headers: [.location: "/api/time-entries/\(entry.id)"],
            response: TimeEntryBody(entry, project: details.project, asker: details.project.providerID, now: now)
        )
    }

    @Sendable func startTimer(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<TimeEntryBody> {
        let details = try await provider(context)
        let memo = try TimeEntryDraft.memo(try await request.decode(as: TimerInput.self, context: context).memo)
        let now = clock.now
        let entry = try await time.startTimer(projectID: details.project.id, by: details.project.providerID, memo: memo, now: now)
        return EditedResponse(
            status: .created, headers: [.location: "/api/time-entries/\(entry.id)"],
            response: TimeEntryBody(entry, project: details.project, asker: details.project.providerID, now: now)
        )
    }

    /// Stops the running timer; `minutes: 0` means it ran less than a minute (or the week had no time left) and
    /// nothing was kept.
    @Sendable func stopTimer(_ request: Request, context: AgoraRequestContext) async throws -> TimeEntryBody {
        let details = try await provider(context)
        let now = clock.now
        let entry = try await time.stopTimer(projectID: details.project.id, by: details.project.providerID, now: now)
        return TimeEntryBody(entry, project: details.project, asker: details.project.providerID, now: now)
    }

    /// Corrects an entry: the fields sent replace its own, the whole checked again.
    @Sendable func edit(_ request: Request, context: AgoraRequestContext) async throws -> TimeEntryBody {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.entryNotFound)
        guard let current = try await time.find(id, by: identity.userID),
              let details = try await projects.details(current.projectID, for: identity.userID) else { throw Self.entryNotFound }
        let body = try await request.decode(as: TimeEntryInput.self, context: context)
        var input = body.input
        let now = clock.now
        guard current.week == TimesheetWeek(containing: now) else { throw TimeEntryDraft.closed(current.week) }
        if current.isRunning {
            guard input.startedAt == nil, input.minutes == nil else { throw StatusTransitionError("a running timer takes a new memo only: stop it first") }
            let entry = try await time.rename(id, memo: try TimeEntryDraft.memo(input.memo), by: identity.userID, now: now)
            return TimeEntryBody(entry, project: details.project, asker: identity.userID, now: now)
        }
        input.startedAt = input.startedAt ?? ISO8601DateFormatter().string(from: current.startedAt)
        input.minutes = input.minutes ?? current.minutes
        input.memo = input.memo ?? current.memo
        let draft = try TimeEntryDraft(input, projectStartedAt: details.project.startedAt, now: now)
        do {
            let entry = try await time.edit(id, draft: draft, by: identity.userID, now: now)
            return TimeEntryBody(entry, project: details.project, asker: identity.userID, now: now)
        } catch StoreError.notFound {
            throw Self.entryNotFound
        }
    }

    @Sendable func remove(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.entryNotFound)
        do {
            try await time.remove(id, by: identity.userID, now: clock.now)
            return Response(status: .noContent)
        } catch StoreError.notFound {
            throw Self.entryNotFound
        }
    }

    @Sendable func weeks(_ request: Request, context: AgoraRequestContext) async throws -> TimesheetListBody {
        try ListQuery(request, allowing: []).finish()
        return TimesheetListBody(try await hourlyMember(context), now: clock.now)
    }

    @Sendable func timesheet(_ request: Request, context: AgoraRequestContext) async throws -> TimesheetBody {
        try ListQuery(request, allowing: []).finish()
        let details = try await hourlyMember(context)
        return try await sheet(of: details, week: try Self.week(context), context: context)
    }

    /// The client approves a week that has ended; it is billed as approved.
    @Sendable func approve(_ request: Request, context: AgoraRequestContext) async throws -> TimesheetBody {
        let details = try await hourlyMember(context)
        guard details.role == .client else { throw Problem.forbidden("Only the project's client approves its time.") }
        let week = try Self.week(context)
        _ = try await sheets.approve(projectID: details.project.id, week: week, by: details.project.clientID, now: clock.now, announce: announcer.timesheet)
        return try await sheet(of: details, week: week, context: context)
    }

    /// The client ends hourly work: the project and its order complete.
    @Sendable func end(_ request: Request, context: AgoraRequestContext) async throws -> ProjectBody {
        let details = try await member(context)
        guard details.role == .client else { throw Problem.forbidden("Only the project's client ends it.") }
        let event = try await projects.end(details.project.id, by: details.project.clientID, now: clock.now, announce: announcer.project)
        return ProjectBody(event.details, now: clock.now, settings: settings.current)
    }

    private func sheet(of details: ProjectDetails, week: TimesheetWeek, context: AgoraRequestContext) async throws -> TimesheetBody {
        let identity = try context.requireIdentity()
        let now = clock.now
        guard let sheet = try await sheets.timesheet(projectID: details.project.id, week: week, for: identity.userID, now: now) else {
            throw ProjectRoutes.notFound
        }
        return TimesheetBody(sheet, project: details.project, asker: identity.userID, now: now, reviewDays: settings.current.number(.projectsTimesheetReviewDays))
    }

    private func member(_ context: AgoraRequestContext) async throws -> ProjectDetails {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: ProjectRoutes.notFound)
        guard let details = try await projects.details(id, for: identity.userID) else { throw ProjectRoutes.notFound }
        return details
    }

    /// The project in the path, when the asker is a member and its work is hourly.
    private func hourlyMember(_ context: AgoraRequestContext) async throws -> ProjectDetails {
        let details = try await member(context)
        guard details.project.billing != .fixed else { throw Self.notHourly }
        return details
    }

    /// The project in the path, when the asker is its provider and its work is hourly.
    private func provider(_ context: AgoraRequestContext) async throws -> ProjectDetails {
        let details = try await hourlyMember(context)
        guard details.role == .provider else { throw Problem.forbidden("Only the project's provider logs time.") }
        return details
    }

    static func week(_ context: AgoraRequestContext) throws -> TimesheetWeek {
        guard let week = context.parameters.get("week").flatMap(TimesheetWeek.init) else {
            throw ValidationError(field: "week", message: "must be an ISO 8601 week such as 2026-W49")
        }
        return week
    }

    static let notHourly = Problem(status: .conflict, detail: "This project has a fixed price: time and timesheets are for hourly work.")
    static let entryNotFound = Problem(status: .notFound, detail: "No time entry of yours has this id.")
}
