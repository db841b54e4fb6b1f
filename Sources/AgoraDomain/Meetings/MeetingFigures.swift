import Foundation

/// A project's meeting figures: how many occurrences were held (ended, in a meeting not cancelled), how many of them
/// somebody joined through the join link, their average length, and how many each participant joined. Computed from
/// the schedules and the recorded visits, nothing stored.
public struct MeetingFigures: Sendable, Hashable {
    public let held: Int
    public let attended: Int
    public let averageMinutes: Int?
    /// Occurrences each participant joined, by their name.
    public let joinedBy: [String: Int]

    /// A meeting's part in the figures: its schedule, whether it was cancelled, and the occurrences (by where the
    /// series put them) each participant joined.
    public struct Meeting: Sendable {
        public let schedule: MeetingSchedule
        public let cancelled: Bool
        public let joins: [String: Set<Date>]

        public init(schedule: MeetingSchedule, cancelled: Bool, joins: [String: Set<Date>]) {
            self.schedule = schedule
            self.cancelled = cancelled
            self.joins = joins
        }
    }

    public init(_ meetings: [Meeting], now: Date) {
        var held = 0
        var attended = 0
        var minutes = 0.0
        var joinedBy: [String: Int] = [:]
        for meeting in meetings where !meeting.cancelled {
            for occurrence in meeting.schedule.occurrences where occurrence.endsAt <= now {
                held += 1
                minutes += occurrence.duration / 60
                let present = meeting.joins.filter { $0.value.contains(occurrence.originalStart) }.map(\.key)
                if !present.isEmpty { attended += 1 }
                for name in present { joinedBy[name, default: 0] += 1 }
            }
        }
        self.held = held
        self.attended = attended
        self.averageMinutes = held == 0 ? nil : Int((minutes / Double(held)).rounded())
        self.joinedBy = joinedBy
    }
}
