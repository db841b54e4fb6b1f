/// Where a meeting (or a whole series) stands. A scheduled meeting is cancelled by its organiser, or completes once its
/// last occurrence has ended; neither comes back.
public enum MeetingStatus: String, Sendable, Codable, CaseIterable {
    case scheduled
    case cancelled
    case completed

    /// The one rule for moving on; anything else is refused with the reason.
    public func after(_ step: Step) throws -> MeetingStatus {
        switch (self, step) {
        case (.scheduled, .cancel): return .cancelled
        case (.scheduled, .complete): return .completed
        case (.cancelled, _): throw StatusTransitionError("the meeting is cancelled")
        case (.completed, _): throw StatusTransitionError("the meeting is over")
        }
    }

    public enum Step: Sendable {
        case cancel
        case complete
    }
}

/// Which occurrences of a recurring meeting a change or a cancellation touches. For a one-off meeting every scope
/// means the meeting.
public enum MeetingChangeScope: String, Sendable, Codable, CaseIterable {
    /// The one occurrence named.
    case this
    /// The one named and every later one: the series is cut there and the rest becomes a series of its own.
    case following
    /// The whole series.
    case all
}

/// A participant's part in a meeting.
public enum MeetingRole: String, Sendable, Codable, CaseIterable {
    /// The project member who scheduled it: changes and cancels it, moderates its room.
    case organizer
    /// A project member invited to it.
    case member
    /// Someone invited by email, without an account: answers and joins through a signed link.
    case guest
}

extension ParticipationStatus {
    /// The answer as the API names it: `needs_action`, `accepted`, `declined`, `tentative`.
    public var name: String { rawValue.lowercased().replacingOccurrences(of: "-", with: "_") }

    public init?(name: String) {
        guard let status = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = status
    }

    /// The answers a participant may give.
    public static let answers: [ParticipationStatus] = [.accepted, .declined, .tentative]
}
