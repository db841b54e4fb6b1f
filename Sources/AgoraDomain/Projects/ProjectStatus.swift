/// Where a project stands. `moving(to:)` is the one place that says which moves are legal:
///
///     active ⇄ paused
///     active ──every milestone approved──> completed
///     active / paused ──both parties agree──> cancelled
///     active / paused ──a party disputes──> disputed ──settled──> active / completed / cancelled
///
/// Accepting a proposal starts a project `active`. How a dispute is settled (and the money moved) is the payments
/// issue's; this type only says where a settled dispute may lead.
public enum ProjectStatus: String, Sendable, Codable, CaseIterable {
    case active
    case paused
    case completed
    case cancelled
    case disputed

    /// Whether work goes on: milestones move, time is logged.
    public var isWorking: Bool { self == .active }

    /// Whether the project is over, for good.
    public var isClosed: Bool { self == .completed || self == .cancelled }

    public func canMove(to next: ProjectStatus) -> Bool {
        switch (self, next) {
        case (.active, .paused), (.paused, .active), (.active, .completed): true
        case (.active, .cancelled), (.paused, .cancelled): true
        case (.active, .disputed), (.paused, .disputed): true
        case (.disputed, .active), (.disputed, .completed), (.disputed, .cancelled): true
        default: false
        }
    }

    /// The status after a move, or an error naming the impossible one.
    public func moving(to next: ProjectStatus) throws -> ProjectStatus {
        guard canMove(to: next) else {
            throw StatusTransitionError("a project that is \(label) cannot become \(next.label)")
        }
        return next
    }

    /// The status in words, for messages and pages.
    public var label: String {
        switch self {
        case .active: "active"
        case .paused: "paused"
        case .completed: "completed"
        case .cancelled: "cancelled"
        case .disputed: "disputed"
        }
    }
}
