import Foundation

/// One occurrence of a meeting: when the series put it (`originalStart`, which names it for ever, as iCalendar's
/// `RECURRENCE-ID` does) and when it takes place now, once moved.
public struct MeetingOccurrence: Sendable, Hashable {
    public let originalStart: Date
    public let startsAt: Date
    public let duration: TimeInterval

    public init(originalStart: Date, startsAt: Date, duration: TimeInterval) {
        self.originalStart = originalStart
        self.startsAt = startsAt
        self.duration = duration
    }

    /// How long before an occurrence its room opens.
    public static let roomOpensBefore: TimeInterval = 10 * 60

    public var endsAt: Date { startsAt.addingTimeInterval(duration) }
    /// When its join link opens.
    public var joinOpensAt: Date { startsAt.addingTimeInterval(-Self.roomOpensBefore) }
    public var isMoved: Bool { startsAt != originalStart }
}

/// A change made to one occurrence of a series: taken out, or moved and given another length.
public struct OccurrenceChange: Sendable, Hashable {
    public let originalStart: Date
    public let cancelled: Bool
    public let startsAt: Date?
    public let duration: TimeInterval?

    public init(originalStart: Date, cancelled: Bool, startsAt: Date? = nil, duration: TimeInterval? = nil) {
        self.originalStart = originalStart
        self.cancelled = cancelled
        self.startsAt = startsAt
        self.duration = duration
    }
}

/// When a meeting, or a series, takes place: its first start in its zone, its length, its recurrence and the
/// changes made to single occurrences. The one place occurrences are worked out from (lists, the feed, reminders,
/// conflicts, the calendar objects).
public struct MeetingSchedule: Sendable, Hashable {
    public let startsAt: Date
    public let zone: TimeZone
    public let duration: TimeInterval
    public let recurrence: MeetingRecurrence?
    public let changes: [Date: OccurrenceChange]

    public init(startsAt: Date, zone: TimeZone, duration: TimeInterval, recurrence: MeetingRecurrence?, changes: [OccurrenceChange] = []) {
        self.startsAt = startsAt
        self.zone = zone
        self.duration = duration
        self.recurrence = recurrence
        self.changes = Dictionary(changes.map { ($0.originalStart, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// Where the series put each occurrence, before any change.
    public var originalStarts: [Date] {
        recurrence?.occurrences(of: startsAt, in: zone) ?? [startsAt]
    }

    /// Every occurrence that takes place, moved ones where they moved to, in order of start.
    public var occurrences: [MeetingOccurrence] {
        originalStarts.compactMap { original in
            guard let change = changes[original] else { return MeetingOccurrence(originalStart: original, startsAt: original, duration: duration) }
            if change.cancelled { return nil }
            return MeetingOccurrence(originalStart: original, startsAt: change.startsAt ?? original, duration: change.duration ?? duration)
        }
        .sorted { $0.startsAt < $1.startsAt }
    }

    /// The occurrences that overlap `from..<to`.
    public func occurrences(from: Date, to: Date) -> [MeetingOccurrence] {
        occurrences.filter { $0.endsAt > from && $0.startsAt < to }
    }

    /// Whether the series puts an occurrence at `original`.
    public func schedules(_ original: Date) -> Bool { originalStarts.contains(original) }

    /// The starts taken out of the series (`EXDATE`).
    public var cancelledStarts: [Date] { changes.values.filter(\.cancelled).map(\.originalStart).sorted() }

    /// When the last occurrence ends.
    public var lastEnd: Date { occurrences.map(\.endsAt).max() ?? startsAt.addingTimeInterval(duration) }
}
