import AgoraDomain
import Foundation
import Testing

@Suite("Digest schedule")
struct DigestFrequencyTests {
    let paris = TimeZone(identifier: "Europe/Paris")!

    func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test("daily: 8:00 in the person's zone, yesterday's before it")
    func daily() {
        #expect(DigestFrequency.daily.latestMoment(atOrBefore: date("2026-12-07T09:00:00Z"), in: paris) == date("2026-12-07T07:00:00Z"))
        #expect(DigestFrequency.daily.latestMoment(atOrBefore: date("2026-12-07T06:59:00Z"), in: paris) == date("2026-12-06T07:00:00Z"))
        #expect(DigestFrequency.daily.latestMoment(atOrBefore: date("2026-12-07T07:00:00Z"), in: paris) == date("2026-12-07T07:00:00Z"), "at the moment itself")
        #expect(DigestFrequency.off.latestMoment(atOrBefore: date("2026-12-07T09:00:00Z"), in: paris) == nil)
    }

    @Test("the clocks changing overnight keep it at 8:00 local", arguments: [
        ("2026-03-29T10:00:00Z", "2026-03-29T06:00:00Z"), // summer time began at 2:00 that night
        ("2026-03-28T10:00:00Z", "2026-03-28T07:00:00Z"),
        ("2026-10-25T10:00:00Z", "2026-10-25T07:00:00Z"), // and ended at 3:00
        ("2026-10-24T10:00:00Z", "2026-10-24T06:00:00Z"),
    ])
    func summerTime(now: String, moment: String) {
        #expect(DigestFrequency.daily.latestMoment(atOrBefore: date(now), in: paris) == date(moment))
    }

    @Test("weekly: Mondays at 8:00 local")
    func weekly() {
        // 7 December 2026 is a Monday.
        #expect(DigestFrequency.weekly.latestMoment(atOrBefore: date("2026-12-09T12:00:00Z"), in: paris) == date("2026-12-07T07:00:00Z"))
        #expect(DigestFrequency.weekly.latestMoment(atOrBefore: date("2026-12-07T06:00:00Z"), in: paris) == date("2026-11-30T07:00:00Z"))
        #expect(DigestFrequency.weekly.latestMoment(atOrBefore: date("2026-12-13T22:59:00Z"), in: paris) == date("2026-12-07T07:00:00Z"), "Sunday night in Paris")
        #expect(DigestFrequency.weekly.latestMoment(atOrBefore: date("2026-12-13T23:00:00Z"), in: TimeZone(identifier: "Pacific/Auckland")!)
                == date("2026-12-13T19:00:00Z"), "already Monday in Auckland")
    }

    @Test("due once per moment, counted from the last digest or the choice")
    func due() {
        let now = date("2026-12-07T09:00:00Z")
        #expect(DigestFrequency.daily.isDue(since: date("2026-12-06T07:00:00Z"), in: paris, at: now))
        #expect(!DigestFrequency.daily.isDue(since: date("2026-12-07T07:00:00Z"), in: paris, at: now), "sent at this morning's moment")
        #expect(!DigestFrequency.daily.isDue(since: date("2026-12-07T08:30:00Z"), in: paris, at: now), "chosen after it: the next one")
        #expect(!DigestFrequency.off.isDue(since: .distantPast, in: paris, at: now))
    }
}
