import Foundation

/// Where a week of hourly work stands. It is not stepped through by hand but follows from the calendar and one
/// approval, here and nowhere else:
///
///     open ──the week ends──> in review ──the client approves, or the review window closes──> approved
///
/// While a week is open the provider logs and corrects its time; once it ends its time is fixed, and the client
/// has the review window (`projects.timesheet-review-days`) to approve it before it is approved for them. Approved
/// weeks are what is billed.
public enum TimesheetStatus: String, Sendable, Codable, CaseIterable {
    case open
    case inReview = "in-review"
    case approved

    /// The status of `week` at `now`, when it was approved at `approvedAt` (nil: not yet).
    public static func of(_ week: TimesheetWeek, approvedAt: Date?, now: Date) -> TimesheetStatus {
        if approvedAt != nil { return .approved }
        return now < week.end ? .open : .inReview
    }

    /// When a week's review window closes and it is approved automatically.
    public static func reviewClosesAt(_ week: TimesheetWeek, windowDays: Int) -> Date {
        week.end.addingTimeInterval(TimeInterval(windowDays) * 86_400)
    }

    /// Whether the provider may log, change or remove time in a week in this status.
    public var takesTime: Bool { self == .open }

    /// The status in words, for messages and pages.
    public var label: String {
        switch self {
        case .open: "open"
        case .inReview: "waiting for review"
        case .approved: "approved"
        }
    }
}
