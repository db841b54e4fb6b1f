import AgoraDomain
import Foundation

/// A week of hourly time approved, by the client or by the closing review window, for its announcements.
public struct TimesheetApproved: Sendable {
    public let week: TimesheetWeek
    /// What was approved: the minutes and the amount billed for them.
    public let minutes: Int
    public let amount: Money
    /// True when the review window approved it.
    public let automatically: Bool
    public let project: Project
    /// The members, by side.
    public let members: [ProjectRole: Recipient]
}
