import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// An entry of time; `minutes` is null while its timer runs; `can_change` says whether the asker may correct or
/// remove it now (its provider, in its open week, on an active project).
struct TimeEntryBody: ResponseEncodable {
    let id: Int64
    let projectID: Int64
    let week: String
    let startedAt: Date
    let minutes: Int?
    let running: Bool
    let memo: String
    let manual: Bool
    let canChange: Bool
    let createdAt: Date
    let updatedAt: Date

    init(_ entry: TimeEntry, project: Project, asker: Int64, now: Date) {
        id = entry.id
        projectID = entry.projectID
        week = entry.week.description
        startedAt = entry.startedAt
        minutes = entry.minutes
        running = entry.isRunning
        memo = entry.memo
        manual = entry.manual
        canChange = entry.providerID == asker && project.status.isWorking && entry.week == TimesheetWeek(containing: now)
        createdAt = entry.createdAt
        updatedAt = entry.updatedAt
    }
}

/// A week of an hourly project: its entries, its minutes per day (Monday first, UTC), what it comes to, where it
/// stands and what the asker may do with it.
struct TimesheetBody: ResponseEncodable {
    struct Approval: Encodable {
        let at: Date
        /// `client`, or null when the review window approved it.
        let by: String?
        let minutes: Int
        let amount: MoneyBody
    }

    let projectID: Int64
    let week: String
    let startsAt: Date
    let endsAt: Date
    let status: String
    /// While the week waits for review: when it is approved automatically.
    let reviewClosesAt: Date?
    let minutes: Int
    let limitMinutes: Int
    let rate: MoneyBody
    let amount: MoneyBody
    let minutesByDay: [Int]
    let approval: Approval?
    /// The provider may log time in it now.
    let takesTime: Bool
    /// The client may approve it now.
    let canApprove: Bool
    let previousWeek: String
    let nextWeek: String
    let entries: [TimeEntryBody]

    init(_ sheet: Timesheet, project: Project, asker: Int64, now: Date, reviewDays: Int) {
        projectID = project.id
        week = sheet.week.description
        startsAt = sheet.week.start
        endsAt = sheet.week.end
        status = sheet.status.rawValue
        reviewClosesAt = sheet.status == .inReview ? TimesheetStatus.reviewClosesAt(sheet.week, windowDays: reviewDays) : nil
        minutes = sheet.minutes
        limitMinutes = sheet.limitMinutes
        rate = MoneyBody(sheet.rate)
        amount = MoneyBody(sheet.amount)
        minutesByDay = sheet.week.days.map { day in
            sheet.entries.filter { $0.startedAt >= day && $0.startedAt < day.addingTimeInterval(86_400) }.reduce(0) { $0 + ($1.minutes ?? 0) }
        }
        approval = sheet.approval.map { Approval(at: $0.at, by: $0.by?.rawValue, minutes: $0.minutes, amount: MoneyBody($0.amount)) }
        takesTime = project.providerID == asker && project.status.isWorking && sheet.status.takesTime
        canApprove = project.clientID == asker && sheet.status == .inReview && sheet.minutes > 0 && !sheet.entries.contains(where: \.isRunning)
        previousWeek = sheet.week.previous.description
        nextWeek = sheet.week.next.description
        entries = sheet.entries.map { TimeEntryBody($0, project: project, asker: asker, now: now) }
    }
}

/// An hourly project's weeks with time, oldest first: its hours chart.
struct TimesheetListBody: ResponseEncodable {
    struct Week: Encodable {
        let week: String
        let startsAt: Date
        let minutes: Int
        let status: String
        let approvedMinutes: Int?
    }

    let projectID: Int64
    let limitMinutes: Int
    let weeks: [Week]

    init(_ details: ProjectDetails, now: Date) {
        projectID = details.project.id
        limitMinutes = (details.project.billing.weeklyLimitHours ?? 0) * 60
        weeks = details.weeks.map {
            Week(week: $0.week.description, startsAt: $0.week.start, minutes: $0.minutes, status: $0.status(now: now).rawValue, approvedMinutes: $0.approvedMinutes)
        }
    }
}
