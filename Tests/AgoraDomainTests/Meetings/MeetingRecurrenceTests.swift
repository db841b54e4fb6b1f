import AgoraDomain
import Foundation
import Testing

/// Recurring meetings keep their local time in the organiser's zone, through every change of the clocks.
@Suite("Meeting recurrence")
struct MeetingRecurrenceTests {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    static let newYork = TimeZone(identifier: "America/New_York")!

    static func instant(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    /// `HH:MM` of each moment in `zone`.
    func clock(_ moments: [Date], in zone: TimeZone) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return moments.map { moment in
            let parts = calendar.dateComponents([.hour, .minute], from: moment)
            return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        }
    }

    @Test("a weekly 10:00 in Berlin stays at 10:00 in Berlin across both changes, and moves in New York while the zones' changes differ")
    func summerTime() throws {
        let spring = MeetingRecurrence(frequency: .weekly, end: .count(4)).occurrences(of: Self.instant("2026-03-16T09:00:00Z"), in: Self.berlin)
        #expect(clock(spring, in: Self.berlin) == ["10:00", "10:00", "10:00", "10:00"])
        #expect(spring.map(ICalendarText.utc) == ["20260316T090000Z", "20260323T090000Z", "20260330T080000Z", "20260406T080000Z"])
        #expect(clock(spring, in: Self.newYork) == ["05:00", "05:00", "04:00", "04:00"])

        let autumn = MeetingRecurrence(frequency: .weekly, end: .count(3)).occurrences(of: Self.instant("2026-10-19T08:00:00Z"), in: Self.berlin)
        #expect(clock(autumn, in: Self.berlin) == ["10:00", "10:00", "10:00"])
        #expect(clock(autumn, in: Self.newYork) == ["04:00", "05:00", "04:00"], "Berlin changes on 25 October, New York on 1 November")
    }

    @Test("a local time the clocks skip is taken at the offset before the gap; one they repeat at its first passing")
    func gapsAndRepeats() {
        let skipped = MeetingRecurrence(frequency: .daily, end: .count(3)).occurrences(of: Self.instant("2026-03-28T01:30:00Z"), in: Self.berlin)
        #expect(skipped.map(ICalendarText.utc) == ["20260328T013000Z", "20260329T013000Z", "20260330T003000Z"])
        #expect(clock(skipped, in: Self.berlin) == ["02:30", "03:30", "02:30"])
        let repeated = MeetingRecurrence(frequency: .daily, end: .count(3)).occurrences(of: Self.instant("2026-10-24T00:30:00Z"), in: Self.berlin)
        #expect(repeated.map(ICalendarText.utc) == ["20261024T003000Z", "20261025T003000Z", "20261026T013000Z"])
        #expect(clock(repeated, in: Self.berlin) == ["02:30", "02:30", "02:30"])
    }

    @Test("weekly on chosen days every other week, from the first meeting, which always counts; until a moment, inclusive")
    func weekdaysIntervalsAndEnds() {
        // Wednesday 2 December 2026, 15:00 UTC.
        let first = Self.instant("2026-12-02T15:00:00Z")
        let utc = TimeZone(secondsFromGMT: 0)!
        let fortnightly = MeetingRecurrence(frequency: .weekly, interval: 2, weekdays: [.monday, .wednesday, .friday], end: .count(5))
        #expect(fortnightly.occurrences(of: first, in: utc).map(ICalendarText.utc)
                == ["20261202T150000Z", "20261204T150000Z", "20261214T150000Z", "20261216T150000Z", "20261218T150000Z"])
        let offDay = MeetingRecurrence(frequency: .weekly, weekdays: [.monday], end: .count(3))
        #expect(offDay.occurrences(of: first, in: utc).map(ICalendarText.utc) == ["20261202T150000Z", "20261207T150000Z", "20261214T150000Z"],
                "a first meeting on another day counts once, as RFC 5545 says")
        let until = MeetingRecurrence(frequency: .daily, interval: 3, end: .until(Self.instant("2026-12-08T15:00:00Z")))
        #expect(until.occurrences(of: first, in: utc).map(ICalendarText.utc) == ["20261202T150000Z", "20261205T150000Z", "20261208T150000Z"])
    }

    @Test("rules are read and written as RRULE values; each bad one is named, and none runs on for ever")
    func reading() throws {
        let first = Self.instant("2026-12-02T15:00:00Z")
        let rule = try MeetingRecurrence.read(rrule: "freq=weekly;interval=2;byday=we,mo;count=10", startingAt: first)
        #expect(rule == MeetingRecurrence(frequency: .weekly, interval: 2, weekdays: [.monday, .wednesday], end: .count(10)))
        #expect(rule.rrule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10")
        let until = try MeetingRecurrence.read(rrule: "FREQ=DAILY;UNTIL=20270102T150000Z", startingAt: first)
        #expect(until.rrule == "FREQ=DAILY;INTERVAL=1;UNTIL=20270102T150000Z")
        #expect(try MeetingRecurrence.read(rrule: until.rrule, startingAt: first) == until)

        let refused: [(String, String)] = [
            ("FREQ=WEEKLY", "must end"),
            ("FREQ=WEEKLY;COUNT=3;UNTIL=20270102T150000Z", "not both"),
            ("FREQ=WEEKLY;COUNT=521", "COUNT from 1 to 520"),
            ("FREQ=WEEKLY;COUNT=0", "COUNT from 1 to 520"),
            ("FREQ=MONTHLY;COUNT=3", "FREQ=DAILY or FREQ=WEEKLY"),
            ("FREQ=WEEKLY;BYMONTH=1;COUNT=3", "uses BYMONTH"),
            ("FREQ=DAILY;BYDAY=MO;COUNT=3", "only with FREQ=WEEKLY"),
            ("FREQ=WEEKLY;BYDAY=XX;COUNT=3", "names a day"),
            ("FREQ=WEEKLY;INTERVAL=0;COUNT=3", "INTERVAL from 1 to 52"),
            ("FREQ=WEEKLY;INTERVAL=x;COUNT=3", "INTERVAL from 1 to 52"),
            ("FREQ=DAILY;UNTIL=20261201T150000Z", "before the first meeting"),
            ("FREQ=DAILY;UNTIL=20290102T150000Z", "longer than two years"),
            ("FREQ=DAILY;UNTIL=20281101T150000Z", "more than 519 meetings"),
            ("FREQ=DAILY;UNTIL=tomorrow", "UTC moment"),
            ("FREQ=DAILY;;COUNT=3", "is not an RRULE"),
            ("FREQ=DAILY;COUNT=3;COUNT=4", "is not an RRULE"),
        ]
        for (text, words) in refused {
            do {
                _ = try MeetingRecurrence.read(rrule: text, startingAt: first)
                Issue.record("\(text) was read")
            } catch let error as ValidationError {
                #expect(error.errors.map(\.field) == ["recurrence"], "\(text)")
                #expect(error.errors.first?.message.contains(words) == true, "\(text): \(error)")
            }
        }
    }

    @Test("no series has more than the most occurrences a rule allows")
    func bounded() {
        let daily = MeetingRecurrence(frequency: .daily, end: .count(MeetingRecurrence.maximumOccurrences))
        #expect(daily.occurrences(of: Self.instant("2026-01-01T09:00:00Z"), in: Self.berlin).count == MeetingRecurrence.maximumOccurrences)
    }
}
