import Foundation

extension MeetingRecurrence {
    /// The same rule ending after `count` occurrences; nil when that is one meeting, which needs no rule.
    public func ending(afterCount count: Int) -> MeetingRecurrence? {
        count > 1 ? MeetingRecurrence(frequency: frequency, interval: interval, weekdays: weekdays, end: .count(count)) : nil
    }

    /// The rule of the occurrences from `original` on, for a series cut there ("this and the following"): as many as
    /// were left, or up to the same moment. Nil when only `original` is left.
    public func remainder(from original: Date, of first: Date, in zone: TimeZone) -> MeetingRecurrence? {
        let starts = occurrences(of: first, in: zone)
        guard let index = starts.firstIndex(of: original) else { return nil }
        let left = starts.count - index
        guard left > 1 else { return nil }
        switch end {
        case .count: return MeetingRecurrence(frequency: frequency, interval: interval, weekdays: weekdays, end: .count(left))
        case .until: return MeetingRecurrence(frequency: frequency, interval: interval, weekdays: weekdays, end: end)
        }
    }
}
