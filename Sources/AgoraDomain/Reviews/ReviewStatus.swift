/// Where a review stands. `after(_:)` is the one place that says which steps are legal:
///
///     pending ──both parties submitted, or the window closed──> published
///     pending ──the same, with fraud signals above the threshold──> held
///     held ──a moderator releases it──> published
///     held / published ──a moderator hides it──> hidden ──restored──> published
///     held / published / hidden ──a moderator removes it──> removed (for good: nothing brings it back)
///
/// Only a published review is shown to anyone but its author, and only a published one counts in a rating.
public enum ReviewStatus: String, Sendable, Codable, CaseIterable {
    case pending
    case held
    case published
    case hidden
    case removed

    public enum Step: String, Sendable, Hashable, CaseIterable {
        case publish
        case hold
        case release
        case hide
        case restore
        case remove
    }

    public func after(_ step: Step) throws -> ReviewStatus {
        let next: ReviewStatus? = switch (self, step) {
        case (.pending, .publish), (.held, .release), (.hidden, .restore): .published
        case (.pending, .hold): .held
        case (.held, .hide), (.published, .hide): .hidden
        case (.held, .remove), (.published, .remove), (.hidden, .remove): .removed
        default: nil
        }
        guard let next else { throw StatusTransitionError("a review that is \(label) cannot be \(step.label)") }
        return next
    }

    /// Whether the reviewee, the public and the rating see it.
    public var isPublic: Bool { self == .published }

    public var label: String {
        switch self {
        case .pending: "waiting for the other review"
        case .held: "held for moderation"
        case .published: "published"
        case .hidden: "hidden"
        case .removed: "removed"
        }
    }
}

extension ReviewStatus.Step {
    var label: String {
        switch self {
        case .publish: "published"
        case .hold: "held"
        case .release: "released"
        case .hide: "hidden"
        case .restore: "restored"
        case .remove: "removed"
        }
    }
}
