/// Where a moderation item stands. `moving(to:)` is the one place that says which moves are legal:
///
///     pending ──decide──> decided ──the author appeals──> appealed ──another moderator decides──> closed
///        │  ▲                │
///        │  └── reopened ────┘ (new reports on approved content)
///        └──escalate──> escalated ──an administrator decides──> decided
public enum ModerationStatus: String, Sendable, Codable, CaseIterable {
    case pending
    case escalated
    case decided
    case appealed
    case closed

    /// Items waiting for a moderator.
    public static let waiting: [ModerationStatus] = [.pending, .escalated, .appealed]

    public func canMove(to next: ModerationStatus) -> Bool {
        switch (self, next) {
        case (.pending, .decided), (.pending, .escalated), (.escalated, .decided), (.decided, .appealed),
             (.decided, .pending), (.appealed, .closed): true
        default: false
        }
    }

    public func moving(to next: ModerationStatus) throws -> ModerationStatus {
        guard canMove(to: next) else { throw StatusTransitionError("an item that is \(rawValue) cannot become \(next.rawValue)") }
        return next
    }
}

/// What a moderator decides about an item.
public enum ModerationDecision: String, Sendable, Codable, CaseIterable {
    /// Nothing wrong: the content shows again.
    case approve
    /// The moderator's corrected text replaces the author's, which then shows.
    case edit
    /// The content stays hidden for good.
    case remove
    /// The content shows, and its author is told what not to do again.
    case warn
    /// The content stays hidden and its author is suspended.
    case suspend

    /// Whether the content shows again after the decision.
    public var showsContent: Bool { self == .approve || self == .edit || self == .warn }

    /// Whether the reports that brought the item were right (counted in each reporter's record).
    public var upholdsReports: Bool { self != .approve }

    /// Whether the author is told (and may appeal).
    public var isAgainstAuthor: Bool { self != .approve }

    /// The decisions that may be made on many items at once.
    public static let bulk: [ModerationDecision] = [.approve, .remove]
}

/// What the moderator who hears an appeal decides.
public enum AppealOutcome: String, Sendable, Codable, CaseIterable {
    /// The decision stands.
    case upheld
    /// The decision is undone: the content shows again.
    case overturned
}
