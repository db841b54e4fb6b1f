import Foundation

/// The review rules the settings set: how long after a project closes its parties may review each other, how long
/// the work must have lasted when no money moved, and the fraud score that holds a review for moderation.
public struct ReviewRules: Sendable, Hashable {
    public static let standard = ReviewRules(windowDays: 14, minimumWorkDays: 3, holdThreshold: 5)

    public let windowDays: Int
    public let minimumWorkDays: Int
    public let holdThreshold: Int

    public init(windowDays: Int, minimumWorkDays: Int, holdThreshold: Int) {
        self.windowDays = windowDays
        self.minimumWorkDays = minimumWorkDays
        self.holdThreshold = holdThreshold
    }

    /// How many days before the window closes the last reminder goes out.
    public static let lastReminderDays = 3
}

/// A project as far as reviewing it goes: how it ended, when, how long it ran and whether money reached the provider.
public struct ReviewableWork: Sendable, Hashable {
    public let status: ProjectStatus
    public let startedAt: Date
    /// When it completed or was cancelled; nil while it runs.
    public let closedAt: Date?
    /// Whether any money was released to the provider (a milestone or an hourly week).
    public let moneyReleased: Bool

    public init(status: ProjectStatus, startedAt: Date, closedAt: Date?, moneyReleased: Bool) {
        self.status = status
        self.startedAt = startedAt
        self.closedAt = closedAt
        self.moneyReleased = moneyReleased
    }
}

/// The time the parties of one project have to review each other, and the double-blind rule: a review stays with its
/// author until the other party's arrives or the window closes. `open(for:rules:)` is the one check of who may review
/// when.
public struct ReviewWindow: Sendable, Hashable {
    /// When the project closed: reviewing opens.
    public let opensAt: Date
    /// When reviewing ends and whatever was submitted publishes.
    public let closesAt: Date

    public init(opensAt: Date, days: Int) {
        self.opensAt = opensAt
        closesAt = opensAt.addingTimeInterval(Double(days) * 86_400)
    }

    /// The window of `work`, or the reason it has none: only a completed project, or one cancelled after money was
    /// released, is reviewed, and only when the work lasted `minimumWorkDays` or money moved.
    public static func open(for work: ReviewableWork, rules: ReviewRules) throws -> ReviewWindow {
        guard let closedAt = work.closedAt, work.status == .completed || work.status == .cancelled else {
            throw StatusTransitionError("a project is reviewed once it is completed; this one is \(work.status.label)")
        }
        if work.status == .cancelled, !work.moneyReleased {
            throw StatusTransitionError("a cancelled project is reviewed only when money was released in it")
        }
        let lasted = closedAt.timeIntervalSince(work.startedAt)
        guard work.moneyReleased || lasted >= Double(rules.minimumWorkDays) * 86_400 else {
            throw StatusTransitionError("a project is reviewed when money moved in it or the work lasted at least \(rules.minimumWorkDays) days")
        }
        return ReviewWindow(opensAt: closedAt, days: rules.windowDays)
    }

    /// Whether a review may still be written at `now`.
    public func accepts(at now: Date) -> Bool { now < closesAt }

    /// Whether the reviews of the project publish: both are in, or the window closed.
    public func publishes(bothSubmitted: Bool, at now: Date) -> Bool { bothSubmitted || now >= closesAt }

    /// When a party who has not reviewed yet is reminded: a day after the project closed, and a few days before the
    /// window closes.
    public var reminders: [Date] {
        [opensAt.addingTimeInterval(86_400), closesAt.addingTimeInterval(-Double(ReviewRules.lastReminderDays) * 86_400)]
    }
}
