import Foundation

/// Hours of the day, in the person's time zone, when optional email waits: from `start` up to `end`, across midnight
/// when `end` comes first (22:00 to 07:00). Transactional and critical email never waits.
public struct QuietHours: Sendable, Hashable, Codable {
    /// Minutes after local midnight, 0 to 1439.
    public let start: Int
    public let end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Reads `HH:MM` times; they must differ.
    public static func read(start: String?, end: String?, errors: inout [FieldError]) -> QuietHours? {
        let from = minutes(start, field: "quiet_hours.start", errors: &errors)
        let to = minutes(end, field: "quiet_hours.end", errors: &errors)
        guard let from, let to else { return nil }
        guard from != to else {
            errors.append(FieldError(field: "quiet_hours.end", message: "must differ from the start"))
            return nil
        }
        return QuietHours(start: from, end: to)
    }

    /// When email written at `now` may leave: `now` outside quiet hours, or the next local `end` inside them (the
    /// calendar's own rule carries it across a change of the clocks: an end the clocks skip becomes the first minute
    /// after the jump).
    public func release(at now: Date, in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let local = calendar.dateComponents([.hour, .minute], from: now)
        let minute = (local.hour ?? 0) * 60 + (local.minute ?? 0)
        let quiet = start < end ? (start..<end).contains(minute) : (minute >= start || minute < end)
        guard quiet else { return now }
        let wake = DateComponents(hour: end / 60, minute: end % 60)
        return calendar.nextDate(after: now, matching: wake, matchingPolicy: .nextTime) ?? now
    }

    /// `HH:MM` of a number of minutes.
    public static func text(_ minutes: Int) -> String {
        String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    private static func minutes(_ text: String?, field: String, errors: inout [FieldError]) -> Int? {
        guard let text else {
            errors.append(FieldError(field: field, message: "is required: a time such as 22:00"))
            return nil
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0..<24).contains(hour), (0..<60).contains(minute)
        else {
            errors.append(FieldError(field: field, message: "must be a time such as 22:00"))
            return nil
        }
        return hour * 60 + minute
    }
}
