import Foundation

/// What may be wrong with a running project, as its card's badges say. Defined once here: the dashboard, the
/// project's API and its pages all ask `issues(…)`.
public enum ProjectHealth: String, Sendable, Codable, CaseIterable {
    /// A milestone not yet approved whose due date has passed.
    case overdueMilestone = "overdue-milestone"
    /// A submission, or a week of hourly time, waits for the client's review.
    case awaitingReview = "awaiting-review"
    /// Nothing happened for longer than the platform's quiet setting.
    case quiet

    /// The issues of a project that is `status`, with these milestones and `weeksInReview` weeks of hourly time
    /// waiting for review, whose last activity was at `lastActivity`. A project that is not active has none: a
    /// paused one is quiet on purpose, a closed one is over.
    public static func issues(
        status: ProjectStatus, milestones: [(status: MilestoneStatus, dueAt: Date?)], weeksInReview: Int = 0, lastActivity: Date, now: Date,
        quietAfterDays: Int
    ) -> [ProjectHealth] {
        guard status.isWorking else { return [] }
        var issues: [ProjectHealth] = []
        if milestones.contains(where: { $0.status.isOpen && ($0.dueAt.map { $0 < now } ?? false) }) { issues.append(.overdueMilestone) }
        if milestones.contains(where: { $0.status == .submitted }) || weeksInReview > 0 { issues.append(.awaitingReview) }
        if now.timeIntervalSince(lastActivity) > TimeInterval(quietAfterDays) * 86_400 { issues.append(.quiet) }
        return issues
    }

    /// The badge's words.
    public var label: String {
        switch self {
        case .overdueMilestone: "Milestone overdue"
        case .awaitingReview: "Waiting for review"
        case .quiet: "Quiet"
        }
    }
}
