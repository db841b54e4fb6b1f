@testable import AgoraDomain
import Foundation
import Testing

/// A project's meeting figures from schedules and visits.
@Suite("Meeting figures")
struct MeetingFiguresTests {
    static let start = Date(timeIntervalSince1970: 1_792_396_800)
    static let week: TimeInterval = 7 * 86_400

    @Test("held occurrences are those ended in meetings not cancelled; attended ones had a visit; the average follows moved lengths")
    func figures() throws {
        let weekly = try MeetingRecurrence.read(rrule: "FREQ=WEEKLY;COUNT=4", startingAt: Self.start)
        let series = MeetingSchedule(
            startsAt: Self.start, zone: .gmt, duration: 3_600, recurrence: weekly,
            changes: [OccurrenceChange(originalStart: Self.start.addingTimeInterval(Self.week), cancelled: false, startsAt: nil, duration: 1_800),
                      OccurrenceChange(originalStart: Self.start.addingTimeInterval(2 * Self.week), cancelled: true)]
        )
        let cancelled = MeetingSchedule(startsAt: Self.start, zone: .gmt, duration: 3_600, recurrence: nil)
        let figures = MeetingFigures([
            .init(schedule: series, cancelled: false, joins: ["Ada L.": [Self.start, Self.start.addingTimeInterval(Self.week)], "Paula P.": [Self.start]]),
            .init(schedule: cancelled, cancelled: true, joins: ["Ada L.": [Self.start]]),
        ], now: Self.start.addingTimeInterval(3 * Self.week + 7_200))
        #expect(figures.held == 3, "the first, the shortened second and the fourth; the third was taken out; the cancelled meeting counts for nothing")
        #expect(figures.attended == 2 && figures.averageMinutes == 50)
        #expect(figures.joinedBy == ["Ada L.": 2, "Paula P.": 1])
        #expect(MeetingFigures([], now: Self.start).averageMinutes == nil)
    }
}
