/// Where an order stands. `moving(to:)` is the one place that says which moves are legal:
///
///     draft ──publish──> open ──accept a proposal──> awarded ──work starts──> in_progress ──project completes──> completed
///       │                  │                                                    │
///       └──> cancelled <───┴──> expired (the deadline passed while open)        └──project cancelled by agreement──> cancelled
///
/// Accepting a proposal awards the order and starts its project at once: the order is in progress from then on.
public enum OrderStatus: String, Sendable, Codable, CaseIterable {
    case draft
    case open
    case awarded
    case inProgress = "in_progress"
    case completed
    case cancelled
    case expired

    /// Orders the client may still change, cancel, or (when open) receive proposals for.
    public var isOpenState: Bool { self == .draft || self == .open }

    /// The statuses from which an order expires when its deadline passes.
    public static let expirable = allCases.filter { $0.canMove(to: .expired) }

    public func canMove(to next: OrderStatus) -> Bool {
        switch (self, next) {
        case (.draft, .open), (.open, .awarded), (.awarded, .inProgress), (.inProgress, .completed), (.inProgress, .cancelled): true
        case (.draft, .cancelled), (.open, .cancelled), (.draft, .expired), (.open, .expired): true
        default: false
        }
    }

    /// The status after a move the client makes on the order itself (publish, cancel): only while it is a draft or
    /// open. A running order moves with its project (completed, or cancelled by both members' agreement).
    public func movedByClient(to next: OrderStatus) throws -> OrderStatus {
        guard isOpenState else {
            throw StatusTransitionError("an order that is \(label) changes with its project, not by itself")
        }
        return try moving(to: next)
    }

    /// The status after a move, or an error naming the impossible one.
    public func moving(to next: OrderStatus) throws -> OrderStatus {
        guard canMove(to: next) else {
            throw StatusTransitionError("an order that is \(label) cannot become \(next.label)")
        }
        return next
    }

    /// The status in words, for messages and pages.
    public var label: String {
        switch self {
        case .draft: "a draft"
        case .open: "open"
        case .awarded: "awarded"
        case .inProgress: "in progress"
        case .completed: "completed"
        case .cancelled: "cancelled"
        case .expired: "expired"
        }
    }
}
