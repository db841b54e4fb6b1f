import AgoraDomain
import Foundation
import Testing

@Suite("Hourly work: weeks, their status, entries and amounts")
struct HourlyRulesTests {
    private static func utc(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text))
    }

    @Test("a week runs Monday 00:00 to Monday 00:00 UTC and is named as ISO 8601 names it")
    func weeks() throws {
        let sunday = try Self.utc("2026-12-06T23:59:59Z")
        let week = TimesheetWeek(containing: sunday)
        #expect(week.start == (try Self.utc("2026-11-30T00:00:00Z")))
        #expect(week.end == (try Self.utc("2026-12-07T00:00:00Z")))
        #expect(week.description == "2026-W49")
        #expect(TimesheetWeek(containing: week.end).description == "2026-W50", "Monday midnight opens the next week")
        let lastDay = try Self.utc("2026-12-06T00:00:00Z")
        #expect(week.days.count == 7 && week.days.last == lastDay)
        // Week 1 holds the year's first Thursday: it can start in the year before, and some years have a week 53.
        #expect(TimesheetWeek("2026-W01")?.start == (try Self.utc("2025-12-29T00:00:00Z")))
        #expect(TimesheetWeek(containing: try Self.utc("2021-01-03T12:00:00Z")).description == "2020-W53")
        #expect(TimesheetWeek("2020-W53") != nil)
        #expect(TimesheetWeek("2021-W53") == nil, "2021 has 52 weeks")
        for bad in ["2026-W00", "2026-W54", "2026-49", "2026-w49", "26-W49", "2026-W4", "2026-W049", "", "２０２６-W49"] {
            #expect(TimesheetWeek(bad) == nil, "\(bad)")
        }
        #expect(TimesheetWeek("2026-W49") == week)
        #expect(week.previous.description == "2026-W48" && week.next.description == "2026-W50")
        #expect(TimesheetWeek("2026-W53")?.description == "2026-W53", "2026 ends on a Thursday: it has 53 weeks")
        #expect(TimesheetWeek("2027-W01")?.previous.description == "2026-W53")
    }

    @Test("a week is open while it runs, in review once it ends, approved once approved")
    func status() throws {
        let week = try #require(TimesheetWeek("2026-W49"))
        #expect(TimesheetStatus.of(week, approvedAt: nil, now: week.start) == .open)
        #expect(TimesheetStatus.of(week, approvedAt: nil, now: week.end.addingTimeInterval(-1)) == .open)
        #expect(TimesheetStatus.of(week, approvedAt: nil, now: week.end) == .inReview)
        #expect(TimesheetStatus.of(week, approvedAt: week.end, now: week.end) == .approved)
        #expect(TimesheetStatus.reviewClosesAt(week, windowDays: 5) == (try Self.utc("2026-12-12T00:00:00Z")))
        #expect(TimesheetStatus.allCases.filter(\.takesTime) == [.open])
    }

    @Test("an entry typed in: this week, worked by now, after the project started, a minute to twelve hours, a memo")
    func entries() throws {
        let now = try Self.utc("2026-12-03T18:00:00Z")
        let started = try Self.utc("2026-11-01T00:00:00Z")
        let good = TimeEntryDraft.Input(startedAt: "2026-12-03T09:30:00+01:00", minutes: 90, memo: "Wireframes")
        let draft = try TimeEntryDraft(good, projectStartedAt: started, now: now)
        let utcStart = try Self.utc("2026-12-03T08:30:00Z")
        #expect(draft.startedAt == utcStart && draft.minutes == 90 && draft.memo == "Wireframes")
        #expect(try TimeEntryDraft(TimeEntryDraft.Input(startedAt: "2026-12-03T08:30:00.250Z", minutes: 5, memo: "Call"), projectStartedAt: started, now: now).minutes == 5)

        func fields(_ change: (inout TimeEntryDraft.Input) -> Void, projectStartedAt: Date = started) -> [String] {
            var input = good
            change(&input)
            do {
                _ = try TimeEntryDraft(input, projectStartedAt: projectStartedAt, now: now)
                return []
            } catch let invalid as ValidationError {
                return invalid.errors.map(\.field).sorted()
            } catch {
                return ["unexpected"]
            }
        }
        #expect(fields { $0.minutes = 0 } == ["minutes"])
        #expect(fields { $0.minutes = 721 } == ["minutes"])
        #expect(fields { $0.minutes = nil } == ["minutes"])
        #expect(fields { $0.memo = "  " } == ["memo"])
        #expect(fields { $0.memo = "two\nlines" } == ["memo"])
        #expect(fields { $0.startedAt = "2026-12-03" } == ["started_at"], "a date alone has no time")
        #expect(fields { $0.startedAt = "2026-12-03T09:30:00" } == ["started_at"], "a time without its offset is ambiguous")
        #expect(fields { $0.startedAt = "2026-11-29T22:00:00Z" } == ["started_at"], "last week is closed")
        #expect(fields { $0.startedAt = "2026-12-03T17:00:00Z" } == ["minutes"], "it would end after now")
        let later = try Self.utc("2026-12-03T10:00:00Z")
        #expect(fields({ _ in }, projectStartedAt: later) == ["started_at"], "before the project started")
        #expect(fields { $0.startedAt = nil; $0.minutes = nil; $0.memo = nil } == ["memo", "minutes", "started_at"])
    }

    @Test("amounts round half up to the minor unit; durations read as hours and minutes; the budget counts begun weeks")
    func amounts() throws {
        let rate = Money(minorUnits: 4_550, currency: .eur)
        #expect(HourlyRules.amount(minutes: 60, rate: rate).minorUnits == 4_550)
        #expect(HourlyRules.amount(minutes: 1, rate: rate).minorUnits == 76, "75.83 rounds up")
        #expect(HourlyRules.amount(minutes: 1, rate: Money(minorUnits: 30, currency: .eur)).minorUnits == 1, "0.5 rounds up")
        #expect(HourlyRules.amount(minutes: 1, rate: Money(minorUnits: 29, currency: .eur)).minorUnits == 0)
        let yen = try CurrencyCode("JPY")
        #expect(HourlyRules.amount(minutes: 90, rate: Money(minorUnits: 5_000, currency: yen)) == Money(minorUnits: 7_500, currency: yen))
        #expect(HourlyRules.duration(45) == "45 min" && HourlyRules.duration(120) == "2 h" && HourlyRules.duration(185) == "3 h 05 min")
        let start = try Self.utc("2026-12-01T10:00:00Z")
        #expect(HourlyRules.budgetedMinutes(weeklyLimitHours: 10, start: start, deadline: start.addingTimeInterval(14 * 86_400)) == 1_200)
        #expect(HourlyRules.budgetedMinutes(weeklyLimitHours: 10, start: start, deadline: start.addingTimeInterval(15 * 86_400)) == 1_800)
        #expect(HourlyRules.budgetedMinutes(weeklyLimitHours: 10, start: start, deadline: start) == 600)
    }

    @Test("hourly progress is approved minutes against the budget, and never done by itself")
    func progress() {
        let rate = Money(minorUnits: 6_000, currency: .eur)
        let progress = ProjectProgress(approvedMinutes: 300, loggedMinutes: 420, budgetedMinutes: 1_200, rate: rate)
        #expect(progress.percent == 25)
        #expect(progress.approvedMinorUnits == 30_000 && progress.agreedMinorUnits == 120_000)
        #expect(!progress.isDone)
        #expect(ProjectProgress(approvedMinutes: 1_500, loggedMinutes: 1_500, budgetedMinutes: 1_200, rate: rate).percent == 100)
        #expect(Billing(kind: .hourly, weeklyLimitHours: nil) == nil && Billing(kind: .fixed, weeklyLimitHours: 5) == nil)
        #expect(Billing(kind: .hourly, weeklyLimitHours: 5) == .hourly(weeklyLimitHours: 5))
    }
}
