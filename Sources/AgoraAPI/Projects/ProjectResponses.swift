import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// A project as one of its members sees it: progress and health as the domain defines them, each milestone with
/// the steps the asker may take on it now.
struct ProjectBody: ResponseEncodable {
    struct Counterpart: Encodable {
        let name: String
    }

    struct Cancellation: Encodable {
        let requestedBy: String
        let reason: String
        let requestedAt: Date
    }

    struct Progress: Encodable {
        let percent: Int
        let approved: MoneyBody
        let agreed: MoneyBody
        let milestonesApproved: Int
        let milestonesAgreed: Int
        /// Hourly work only: the minutes approved, logged, and budgeted by the weekly limit over the timeline.
        let minutesApproved: Int?
        let minutesLogged: Int?
        let minutesBudgeted: Int?

        init(_ progress: ProjectProgress, currency: CurrencyCode) {
            percent = progress.percent
            approved = MoneyBody(Money(minorUnits: progress.approvedMinorUnits, currency: currency))
            agreed = MoneyBody(Money(minorUnits: progress.agreedMinorUnits, currency: currency))
            milestonesApproved = progress.milestonesApproved
            milestonesAgreed = progress.milestonesAgreed
            minutesApproved = progress.hours?.approvedMinutes
            minutesLogged = progress.hours?.loggedMinutes
            minutesBudgeted = progress.hours?.budgetedMinutes
        }
    }

    /// Hourly work's terms and weeks (absent for fixed-price work).
    struct Hourly: Encodable {
        let rate: MoneyBody
        let weeklyLimitHours: Int
        let weeks: TimesheetListBody
        /// The client may end the work now.
        let canEnd: Bool
    }

    let id: Int64
    let orderID: Int64
    let orderReference: String
    let title: String
    let description: String
    let status: String
    let role: String
    let counterpart: Counterpart
    let billing: String
    /// The whole price of fixed-price work; the rate per hour of hourly work.
    let agreedPrice: MoneyBody
    let hourly: Hourly?
    let deadline: Date
    let startedAt: Date
    let completedAt: Date?
    let lastActivityAt: Date
    let progress: Progress
    let health: [String]
    /// A waiting request to cancel (or, on a cancelled project, the one agreed to).
    let cancellation: Cancellation?
    let milestones: [MilestoneBody]

    init(_ details: ProjectDetails, now: Date, settings: PlatformSettings) {
        let project = details.project
        id = project.id
        orderID = project.orderID
        orderReference = details.orderReference
        title = project.title
        description = project.description
        status = project.status.rawValue
        role = details.role.rawValue
        counterpart = Counterpart(name: details.counterpartName)
        billing = project.billing.kind.rawValue
        agreedPrice = MoneyBody(project.agreedPrice)
        hourly = project.billing.weeklyLimitHours.map {
            Hourly(
                rate: MoneyBody(project.agreedPrice), weeklyLimitHours: $0, weeks: TimesheetListBody(details, now: now),
                canEnd: details.role == .client && project.status.canMove(to: .completed) && project.status.isWorking
            )
        }
        deadline = project.deadline
        startedAt = project.startedAt
        completedAt = project.completedAt
        lastActivityAt = project.lastActivityAt
        progress = Progress(details.progress, currency: project.agreedPrice.currency)
        health = details.health(now: now, quietAfterDays: settings.number(.projectsQuietDays)).map(\.rawValue)
        cancellation = project.cancellation.map {
            Cancellation(requestedBy: $0.requestedBy.rawValue, reason: $0.reason, requestedAt: $0.requestedAt)
        }
        let reviewWindow = TimeInterval(settings.number(.projectsReviewWindowDays)) * 86_400
        milestones = details.milestones.map {
            MilestoneBody(
                $0, project: project, role: details.role, submissions: details.submissions[$0.id] ?? [], files: details.files[$0.id] ?? [],
                reviewWindow: reviewWindow
            )
        }
    }
}

/// A milestone with its submissions and their files; `next_steps` are the steps (`POST /api/milestones/{id}/{step}`)
/// the asker may take now, as `MilestoneStatus.after` allows them; `files` are those attached for the next
/// delivery (the provider's alone until it is sent), and `accepts_files` says whether the asker may attach more.
struct MilestoneBody: Encodable {
    struct Submission: Encodable {
        let revision: Int
        let note: String
        let submittedAt: Date
        let response: String?
        let respondedAt: Date?
        let files: [ProjectFileBody]
    }

    let id: Int64
    let position: Int
    let title: String
    let description: String
    let amount: MoneyBody
    let dueAt: Date?
    let status: String
    let proposedBy: String?
    let revision: Int
    let submittedAt: Date?
    /// When an unanswered submission is approved automatically.
    let reviewClosesAt: Date?
    let approvedAt: Date?
    let nextSteps: [String]
    let submissions: [Submission]
    let files: [ProjectFileBody]
    let acceptsFiles: Bool
    /// The money held for it, once it was funded.
    let escrow: EscrowBody?

    /// What was paid into escrow for a milestone and what became of it.
    struct EscrowBody: Encodable {
        let funded: MoneyBody
        let clientFee: MoneyBody
        let held: MoneyBody
        let remaining: MoneyBody
        let released: MoneyBody
        let refunded: MoneyBody

        init(_ escrow: Escrow) {
            funded = MoneyBody(escrow.amount)
            clientFee = MoneyBody(escrow.clientFee)
            held = MoneyBody(escrow.held)
            remaining = MoneyBody(escrow.remaining)
            released = MoneyBody(escrow.released)
            refunded = MoneyBody(escrow.refunded)
        }
    }

    init(
        _ milestone: Milestone, project: Project, role: ProjectRole, submissions: [MilestoneSubmission], files: [ProjectFile],
        reviewWindow: TimeInterval
    ) {
        id = milestone.id
        position = milestone.position
        title = milestone.title
        description = milestone.description
        amount = MoneyBody(milestone.amount)
        escrow = milestone.escrow.amount.minorUnits > 0 ? EscrowBody(milestone.escrow) : nil
        dueAt = milestone.dueAt
        status = milestone.status.rawValue
        proposedBy = milestone.proposedBy?.rawValue
        revision = milestone.revision
        submittedAt = milestone.submittedAt
        reviewClosesAt = milestone.status == .submitted ? milestone.submittedAt?.addingTimeInterval(reviewWindow) : nil
        approvedAt = milestone.approvedAt
        nextSteps = project.status.isWorking ? MilestoneStep.allCases.filter {
            $0 != .refundAll && (try? milestone.status.after($0, by: .member(role), proposer: milestone.proposedBy)) != nil
        }.map(\.rawValue) : []
        let delivered = Dictionary(grouping: files.filter { $0.revision != nil }, by: { $0.revision ?? 0 })
        self.submissions = submissions.map {
            Submission(
                revision: $0.revision, note: $0.note, submittedAt: $0.submittedAt, response: $0.response, respondedAt: $0.respondedAt,
                files: (delivered[$0.revision] ?? []).map(ProjectFileBody.init)
            )
        }
        self.files = files.filter { $0.revision == nil }.map(ProjectFileBody.init)
        acceptsFiles = role == .provider && project.status.isWorking && milestone.status.takesFiles
            && self.files.count < MilestoneRules.maximumFilesPerDelivery
    }
}

/// A file of a milestone's delivery, with the address that downloads it (for the project's members).
struct ProjectFileBody: ResponseEncodable {
    let id: Int64
    let fileName: String
    let mediaType: String
    let byteSize: Int64
    let sha256: String
    /// The delivery it went with; absent while it waits for the next one.
    let revision: Int?
    let url: String
    let createdAt: Date

    init(_ file: ProjectFile) {
        id = file.id
        fileName = file.fileName
        mediaType = file.mediaType
        byteSize = file.byteSize
        sha256 = file.sha256
        revision = file.revision
        url = Self.url(of: file)
        createdAt = file.createdAt
    }

    static func url(of file: ProjectFile) -> String { "/api/projects/\(file.projectID)/files/\(file.id)" }
}

/// A project to keep (`GET /api/projects/{id}/export`): as the member sees it, with its activity, newest first.
struct ProjectExportBody: Encodable {
    static let formatName = "agora-project-export/1"

    let format: String
    let exportedAt: Date
    let project: ProjectBody
    let activity: [ProjectActivityBody]
}

/// A page of projects; `next_after` continues the list.
struct ProjectListBody: ResponseEncodable {
    let projects: [ProjectBody]
    let nextAfter: String?
}

/// One entry of an activity feed.
struct ProjectActivityBody: Encodable {
    let id: Int64
    let projectID: Int64
    let projectTitle: String
    let kind: String
    /// The side of the member who did it; nil for the service itself.
    let actor: String?
    let milestoneID: Int64?
    let detail: [String: String]
    let createdAt: Date

    init(_ activity: ProjectActivity, project: Project) {
        id = activity.id
        projectID = activity.projectID
        projectTitle = project.title
        kind = activity.kind.rawValue
        actor = activity.actorID.flatMap(project.role(of:))?.rawValue
        milestoneID = activity.milestoneID
        detail = activity.detail
        createdAt = activity.createdAt
    }
}

/// A project's activity feed, newest first; `next_before` continues it.
struct ProjectActivityListBody: ResponseEncodable {
    let activity: [ProjectActivityBody]
    let nextBefore: Int64?
}

/// A member's overview of their projects.
struct ProjectDashboardBody: ResponseEncodable {
    struct Item: Encodable {
        let projectID: Int64
        let projectTitle: String
        let milestone: MilestoneBody
    }

    let counts: [String: Int]
    let dueSoon: [Item]
    let awaitingMe: [Item]
    let recentActivity: [ProjectActivityBody]

    init(_ dashboard: ProjectDashboard, settings: PlatformSettings) {
        counts = Dictionary(uniqueKeysWithValues: dashboard.counts.map { ($0.key.rawValue, $0.value) })
        let reviewWindow = TimeInterval(settings.number(.projectsReviewWindowDays)) * 86_400
        func item(_ entry: ProjectDashboard.Item) -> Item {
            Item(
                projectID: entry.project.project.id, projectTitle: entry.project.project.title,
                milestone: MilestoneBody(
                    entry.milestone, project: entry.project.project, role: entry.project.role, submissions: [], files: [], reviewWindow: reviewWindow
                )
            )
        }
        dueSoon = dashboard.dueSoon.map(item)
        awaitingMe = dashboard.awaitingMe.map(item)
        recentActivity = dashboard.recentActivity.compactMap { activity in
            dashboard.projects[activity.projectID].map { ProjectActivityBody(activity, project: $0) }
        }
    }
}
