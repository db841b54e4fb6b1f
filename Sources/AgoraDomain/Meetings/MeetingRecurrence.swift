import Foundation

/// How a meeting repeats: the subset of RFC 5545's RRULE that meetings use — every `interval` days, or every
/// `interval` weeks on some weekdays — ending after a number of occurrences or at a moment. A rule must end, within
/// `maximumOccurrences` and `longestSpan`, so that no series runs on for ever. Occurrences keep the first one's local
/// time in the organiser's zone (`occurrences(of:in:)`).
public struct MeetingRecurrence: Sendable, Hashable, Codable {
    public enum Frequency: String, Sendable, Codable, CaseIterable {
        case daily = "DAILY"
        case weekly = "WEEKLY"
    }

    public enum End: Sendable, Hashable, Codable {
        /// This many occurrences, the first included.
        case count(Int)
        /// No occurrence starts after this moment.
        case until(Date)
    }

    public static let intervals = 1...52
    public static let maximumOccurrences = 520
    /// How far after its first occurrence a series may run.
    public static let longestSpan: TimeInterval = 2 * 366 * 86_400

    public let frequency: Frequency
    public let interval: Int
    /// The days of a weekly rule; empty means the first occurrence's day. Always empty for a daily rule.
    public let weekdays: Set<Weekday>
    public let end: End

    public init(frequency: Frequency, interval: Int = 1, weekdays: Set<Weekday> = [], end: End) {
        self.frequency = frequency
        self.interval = interval
        self.weekdays = frequency == .weekly ? weekdays : []
        self.end = end
    }

    /// The rule as an RRULE value: `FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=10` (`UNTIL` in UTC, `…T…Z`).
    public var rrule: String {
        var parts = ["FREQ=\(frequency.rawValue)", "INTERVAL=\(interval)"]
        if !weekdays.isEmpty { parts.append("BYDAY=" + weekdays.sorted().map(\.rawValue).joined(separator: ",")) }
        switch end {
        case .count(let count): parts.append("COUNT=\(count)")
        case .until(let moment): parts.append("UNTIL=" + ICalendarText.utc(moment))
        }
        return parts.joined(separator: ";")
    }

    /// Reads an RRULE value of the subset, naming what is wrong under `field`; a rule of a series starting at `start`
    /// must end within the limits.
    public static func read(rrule: String, startingAt start: Date, field: String = "recurrence") throws -> MeetingRecurrence {
        func refuse(_ message: String) -> ValidationError { ValidationError(field: field, message: message) }
        var values: [String: String] = [:]
        for part in rrule.split(separator: ";", omittingEmptySubsequences: false) {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, !pair[1].isEmpty, values[pair[0].uppercased()] == nil else {
                throw refuse("is not an RRULE such as FREQ=WEEKLY;BYDAY=MO;COUNT=10")
            }
            values[pair[0].uppercased()] = pair[1].uppercased()
        }
        let known: Set<String> = ["FREQ", "INTERVAL", "BYDAY", "COUNT", "UNTIL"]
        if let other = values.keys.sorted().first(where: { !known.contains($0) }) {
            throw refuse("uses \(other), which meetings do not: only FREQ, INTERVAL, BYDAY, COUNT and UNTIL")
        }
        guard let frequency = values["FREQ"].flatMap(Frequency.init(rawValue:)) else { throw refuse("needs FREQ=DAILY or FREQ=WEEKLY") }
        let interval = values["INTERVAL"].map { Int($0) ?? 0 } ?? 1
        guard intervals.contains(interval) else { throw refuse("needs an INTERVAL from \(intervals.lowerBound) to \(intervals.upperBound)") }
        var weekdays: Set<Weekday> = []
        if let days = values["BYDAY"] {
            guard frequency == .weekly else { throw refuse("takes BYDAY only with FREQ=WEEKLY") }
            for name in days.split(separator: ",", omittingEmptySubsequences: false) {
                guard let day = Weekday(rawValue: String(name)) else { throw refuse("names a day that is not one of MO, TU, WE, TH, FR, SA, SU") }
                weekdays.insert(day)
            }
        }
        let end: End
        switch (values["COUNT"], values["UNTIL"]) {
        case (let count?, nil):
            guard let number = Int(count), (1...maximumOccurrences).contains(number) else {
                throw refuse("needs a COUNT from 1 to \(maximumOccurrences)")
            }
            end = .count(number)
        case (nil, let until?):
            guard let moment = ICalendarText.moment(until) else { throw refuse("needs UNTIL as a UTC moment such as 20270630T170000Z") }
            end = .until(moment)
        case (nil, nil): throw refuse("must end: give COUNT or UNTIL (a series may run up to \(maximumOccurrences) times or two years)")
        default: throw refuse("takes COUNT or UNTIL, not both")
        }
        let rule = MeetingRecurrence(frequency: frequency, interval: interval, weekdays: weekdays, end: end)
        if case .until(let moment) = end {
            guard moment >= start else { throw refuse("ends with UNTIL before the first meeting") }
            guard moment.timeIntervalSince(start) <= longestSpan else { throw refuse("runs longer than two years") }
            // Counted in UTC: the organiser's zone moves the count by one at most, which the cap's margin absorbs.
            guard rule.occurrences(of: start, in: TimeZone(secondsFromGMT: 0)!).count < maximumOccurrences else {
                throw refuse("makes more than \(maximumOccurrences - 1) meetings: end it sooner or meet less often")
            }
        }
        return rule
    }
}
