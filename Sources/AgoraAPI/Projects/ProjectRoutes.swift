import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// Projects, for their two members: the dashboard, the list, one project with its milestones, its activity, and
/// milestones proposed while it runs. A project the asker is not a member of answers 404, the same as one that
/// does not exist.
struct ProjectRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let announcer: ProjectAnnouncer
    let settings: LivePlatformSettings

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        let group = signedIn.group("projects")
        group.get("dashboard", use: dashboard)
        group.get(use: list)
        group.get("{id}", use: show)
        group.get("{id}/activity", use: activity)
        group.get("{id}/export", use: export)
        group.post("{id}/milestones", use: propose)
        group.post("{id}/cancel", use: cancel)
        group.delete("{id}/cancel", use: keep)
        for move in ProjectPause.allCases {
            group.post("{id}/\(move.rawValue)") { request, context in try await self.move(move, request, context: context) }
        }
    }

    private var projects: ProjectRepository { ProjectRepository(store: store) }

    /// Milestones due within this many days count as due soon.
    static let dueSoonDays = 7
    /// Entries of the dashboard's recent activity.
    static let recentActivity = 10

    @Sendable func dashboard(_ request: Request, context: AgoraRequestContext) async throws -> ProjectDashboardBody {
        let identity = try context.requireIdentity()
        try ListQuery(request, allowing: []).finish()
        let dashboard = try await projects.dashboard(
            for: identity.userID, now: clock.now, soon: TimeInterval(Self.dueSoonDays) * 86_400, activityLimit: Self.recentActivity
        )
        return ProjectDashboardBody(dashboard, settings: settings.current)
    }

    /// `?status=active,paused&role=client&q=logo&sort=activity|deadline|created&after=&limit=`.
    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> ProjectListBody {
        let identity = try context.requireIdentity()
        var query = try ListQuery(request, allowing: ["status", "role", "q", "sort", "after", "limit"])
        var list = ProjectListQuery()
        list.statuses = query.cases("status", of: ProjectStatus.self)
        list.role = query.optionalChoice("role", of: ProjectRole.self)
        list.text = query.text("q", maximumLength: 200)
        list.sort = query.choice("sort", default: ProjectListQuery.Sort.activity)
        list.after = query.parsed("after", rule: "must be the next_after of the previous page", ProjectListQuery.Cursor.init)
        list.limit = query.limit()
        try query.finish()
        let (found, next) = try await projects.list(for: identity.userID, list)
        let current = settings.current
        return ProjectListBody(projects: found.map { ProjectBody($0, now: clock.now, settings: current) }, nextAfter: next?.description)
    }

    @Sendable func show(_ request: Request, context: AgoraRequestContext) async throws -> ProjectBody {
        ProjectBody(try await member(context), now: clock.now, settings: settings.current)
    }

    /// `?before=&limit=`: the project's activity, newest first.
    @Sendable func activity(_ request: Request, context: AgoraRequestContext) async throws -> ProjectActivityListBody {
        let details = try await member(context)
        var query = try ListQuery(request, allowing: ["before", "limit"])
        let before = query.before()
        let limit = query.limit()
        try query.finish()
        let entries = try await ProjectActivityLog(store: store).entries(of: details.project.id, before: before, limit: limit + 1)
        return ProjectActivityListBody(
            activity: entries.prefix(limit).map { ProjectActivityBody($0, project: details.project) },
            nextBefore: entries.count > limit ? entries[limit - 1].id : nil
        )
    }

    /// What an export may be.
    enum ExportFormat: String, CaseIterable {
        case json, csv
    }

    /// The activity entries an export holds at most (the newest).
    static let exportedActivity = 10_000

    /// `?format=json|csv`: the project to keep, as an attachment. JSON holds the project as `GET` shows it with every
    /// submission and the activity feed; CSV one line per milestone, for a spreadsheet.
    @Sendable func export(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let details = try await member(context)
        var query = try ListQuery(request, allowing: ["format"])
        let format = query.choice("format", default: ExportFormat.json)
        try query.finish()
        let now = clock.now
        let project = ProjectBody(details, now: now, settings: settings.current)
        let day = ISO8601DateFormatter.string(from: now, timeZone: .gmt, formatOptions: [.withFullDate])
        let name = "agora-project-\(details.project.id)-\(day)"
        var response: Response
        switch format {
        case .json:
            let activity = try await ProjectActivityLog(store: store).entries(of: details.project.id, before: nil, limit: Self.exportedActivity)
            let body = ProjectExportBody(
                format: ProjectExportBody.formatName, exportedAt: now, project: project,
                activity: activity.map { ProjectActivityBody($0, project: details.project) }
            )
            response = APIResponseEncoder.response(data: try APIResponseEncoder.data(of: body))
            response.headers[.contentDisposition] = "attachment; filename=\"\(name).json\""
        case .csv:
            var text = CSVText.line(["position", "title", "status", "amount", "currency", "due_at", "submitted_at", "approved_at", "revisions"])
            let time = ISO8601DateFormatter()
            for milestone in project.milestones {
                text += CSVText.line([
                    String(milestone.position), milestone.title, milestone.status, milestone.amount.amount, milestone.amount.currency,
                    milestone.dueAt.map(time.string) ?? "", milestone.submittedAt.map(time.string) ?? "",
                    milestone.approvedAt.map(time.string) ?? "", String(milestone.revision),
                ])
            }
            response = Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: text)))
            response.headers[.contentType] = "text/csv; charset=utf-8"
            response.headers[.contentDisposition] = "attachment; filename=\"\(name)-milestones.csv\""
        }
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// A milestone proposed by either member, in the project's currency and due in the order's time zone; the
    /// other member accepts or declines it (`POST /api/milestones/{id}/accept|decline`).
    @Sendable func propose(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<ProjectBody> {
        let identity = try context.requireIdentity()
        let details = try await member(context)
        let body = try await request.decode(as: MilestoneProposalInput.self, context: context)
        guard let order = try await OrderRepository(store: store).find(details.project.orderID) else { throw Self.notFound }
        let proposal = try MilestoneRules.Proposal(
            body.input, currency: details.project.agreedPrice.currency, timeZone: order.details.deadline.timeZone, now: clock.now
        )
        let proposed = try await MilestoneRepository(store: store).propose(
            proposal, projectID: details.project.id, by: identity.userID, now: clock.now, announce: announcer.milestone
        )
        return EditedResponse(
            status: .created, headers: [.location: "/api/projects/\(details.project.id)"],
            response: ProjectBody(proposed.details, now: clock.now, settings: settings.current)
        )
    }

    /// A member asks to cancel, with a reason; the other member's call agrees, and the project and its order are
    /// cancelled.
    @Sendable func cancel(_ request: Request, context: AgoraRequestContext) async throws -> ProjectBody {
        let identity = try context.requireIdentity()
        let details = try await member(context)
        let body = try await request.decode(as: ProjectReasonInput.self, context: context)
        let reason = try body.reason.map(ProjectCancellation.reason)
        let event = try await projects.cancel(details.project.id, by: identity.userID, reason: reason, now: clock.now, announce: announcer.project)
        return ProjectBody(event.details, now: clock.now, settings: settings.current)
    }

    /// Ends a waiting request to cancel: the member who asked withdraws it, the other declines it.
    @Sendable func keep(_ request: Request, context: AgoraRequestContext) async throws -> ProjectBody {
        let identity = try context.requireIdentity()
        let details = try await member(context)
        let event = try await projects.keep(details.project.id, by: identity.userID, now: clock.now, announce: announcer.project)
        return ProjectBody(event.details, now: clock.now, settings: settings.current)
    }

    /// The client pauses the project (`{"reason": "…"}`, optional) or resumes it; the provider is told.
    func move(_ move: ProjectPause, _ request: Request, context: AgoraRequestContext) async throws -> ProjectBody {
        let identity = try context.requireIdentity()
        let details = try await member(context)
        let body = try await request.decode(as: ProjectReasonInput.self, context: context)
        let reason = try ProjectPause.reason(body.reason)
        let event = try await projects.move(details.project.id, move, by: identity.userID, reason: reason, now: clock.now, announce: announcer.project)
        return ProjectBody(event.details, now: clock.now, settings: settings.current)
    }

    /// The project in the path, when the asker is one of its members.
    private func member(_ context: AgoraRequestContext) async throws -> ProjectDetails {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.notFound)
        guard let details = try await projects.details(id, for: identity.userID) else { throw Self.notFound }
        return details
    }

    static let notFound = Problem(status: .notFound, detail: "No project of yours has this id.")
}
