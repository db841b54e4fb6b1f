import AgoraDomain
import Foundation

/// An entry of the provider's time on an hourly project. A running timer's entry has no minutes until it stops;
/// an entry typed in by hand, or whose time was changed by hand, is `manual`.
public struct TimeEntry: Sendable, Hashable {
    public let id: Int64
    public let projectID: Int64
    public let providerID: Int64
    public let week: TimesheetWeek
    public let startedAt: Date
    /// Nil while the timer runs.
    public let minutes: Int?
    public let memo: String
    public let manual: Bool
    public let createdAt: Date
    public let updatedAt: Date

    public var isRunning: Bool { minutes == nil }
}

/// A week of an hourly project's time as its members read it: the entries, what they add up to, and where the week
/// stands (`TimesheetStatus`).
public struct Timesheet: Sendable, Hashable {
    public let week: TimesheetWeek
    public let status: TimesheetStatus
    public let entries: [TimeEntry]
    /// The minutes of the stopped entries (a running timer counts once it stops).
    public let minutes: Int
    public let limitMinutes: Int
    public let rate: Money
    /// When it was approved, and by which side: nil when the review window approved it.
    public let approval: Approval?

    public struct Approval: Sendable, Hashable {
        public let at: Date
        public let by: ProjectRole?
        /// The minutes and amount approved: what is billed.
        public let minutes: Int
        public let amount: Money
    }

    public var amount: Money { HourlyRules.amount(minutes: minutes, rate: rate) }
}

/// One week's total of an hourly project, for its chart and its progress.
public struct WeekTotal: Sendable, Hashable {
    public let week: TimesheetWeek
    public let minutes: Int
    /// The minutes approved, when the week is.
    public let approvedMinutes: Int?
    public let approvedAt: Date?

    public func status(now: Date) -> TimesheetStatus { TimesheetStatus.of(week, approvedAt: approvedAt, now: now) }
}
