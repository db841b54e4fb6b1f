/// Where a project stands. Accepting a proposal starts one as `notStarted`; the projects issue adds the moves
/// between them.
public enum ProjectStatus: String, Sendable, Codable, CaseIterable {
    case notStarted = "not_started"
    case inProgress = "in_progress"
    case completed
    case cancelled
}
