import Foundation

extension MeetingRecurrence {
    /// The starts of the series whose first meeting starts at `first`, in order, at the first meeting's wall-clock
    /// time in `zone` whatever the clocks do: a weekly 10:00 in Berlin stays at 10:00 in Berlin across both changes of
    /// summer time, and so moves for someone in New York while the two zones' changes differ. A local time the clocks
    /// skip is taken at the offset before the gap (02:30 becomes 03:30), a time they repeat at its first passing
    /// (RFC 5545, 3.3.10). The first meeting counts as the first occurrence. At most `maximumOccurrences`, and none
    /// after `longestSpan`.
    public func occurrences(of first: Date, in zone: TimeZone) -> [Date] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let local = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: first)
        guard let firstDay = calendar.date(from: DateComponents(year: local.year, month: local.month, day: local.day, hour: 12)) else {
            return [first]
        }
        let days: [Int]
        switch frequency {
        case .daily:
            days = [0]
        case .weekly:
            let startDay = Weekday(calendarWeekday: local.weekday ?? 2)
            let chosen = weekdays.isEmpty ? [startDay] : weekdays.sorted()
            days = chosen.map { $0.offsetFromMonday - startDay.offsetFromMonday }
        }
        let step = frequency == .daily ? interval : 7 * interval
        let limit = first.addingTimeInterval(Self.longestSpan)
        // The first meeting is always the first occurrence, on a chosen day or not (RFC 5545: DTSTART counts).
        var found: [Date] = [first]
        var period = 0
        while found.count < Self.maximumOccurrences {
            for offset in days {
                let dayOffset = period * step + offset
                // Days of the first week before the first meeting's day are not in the series.
                guard dayOffset >= 0,
                      let noon = calendar.date(byAdding: .day, value: dayOffset, to: firstDay),
                      let start = Self.wallClock(local, on: noon, calendar: calendar), start > first
                else { continue }
                if start > limit { return found }
                switch end {
                case .count(let count) where found.count >= count: return found
                case .until(let moment) where start > moment: return found
                default: break
                }
                found.append(start)
            }
            period += 1
        }
        return found
    }

    /// The moment of a local wall-clock time on the day of `noon`: a skipped time at the offset before the gap, a
    /// repeated one at its first passing.
    static func wallClock(_ time: DateComponents, on noon: Date, calendar: Calendar) -> Date? {
        let day = calendar.dateComponents([.year, .month, .day], from: noon)
        let wanted = DateComponents(year: day.year, month: day.month, day: day.day, hour: time.hour, minute: time.minute, second: time.second)
        guard let midnight = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 0)) else { return nil }
        // Counting the wall-clock minutes from a moment before the time at the offset in force then is what the rule
        // asks for in every case: before a gap that offset lasts through it, and a repeated time is met first.
        let offsetBefore = TimeInterval(calendar.timeZone.secondsFromGMT(for: midnight))
        let seconds = TimeInterval(((time.hour ?? 0) * 60 + (time.minute ?? 0)) * 60 + (time.second ?? 0))
        guard let localMidnightUTC = calendar.date(from: DateComponents(timeZone: TimeZone(secondsFromGMT: 0), year: day.year, month: day.month, day: day.day)) else {
            return calendar.date(from: wanted)
        }
        let candidate = localMidnightUTC.addingTimeInterval(seconds - offsetBefore)
        let offsetThen = TimeInterval(calendar.timeZone.secondsFromGMT(for: candidate))
        if offsetThen == offsetBefore { return candidate }
        // The offset changed before the time: the time at the new offset, unless that falls back before the change
        // (a skipped time), when the old offset holds.
        let shifted = localMidnightUTC.addingTimeInterval(seconds - offsetThen)
        return TimeInterval(calendar.timeZone.secondsFromGMT(for: shifted)) == offsetThen ? shifted : candidate
    }
}
