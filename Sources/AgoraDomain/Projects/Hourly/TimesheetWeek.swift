import Foundation

/// A week of hourly work: Monday 00:00 to the next Monday 00:00, UTC, named as ISO 8601 names weeks (`2026-W49`).
/// Time is logged, reviewed, approved and billed by the week.
public struct TimesheetWeek: Hashable, Comparable, Sendable, LosslessStringConvertible {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = .gmt
        return calendar
    }()

    /// Monday 00:00 UTC.
    public let start: Date

    /// The week that holds `date`.
    public init(containing date: Date) {
        let calendar = Self.calendar
        let day = calendar.startOfDay(for: date)
        let weekday = calendar.component(.weekday, from: day)
        start = calendar.date(byAdding: .day, value: -((weekday + 5) % 7), to: day) ?? day
    }

    /// `YYYY-Www`, as ISO 8601 writes a week (week 1 holds the year's first Thursday); nothing else.
    public init?(_ description: String) {
        let parts = description.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 3, parts[1].first == "W",
              parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), parts[1].dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }),
              let year = Int(parts[0]), let number = Int(parts[1].dropFirst()), (1...53).contains(number),
              let date = Self.calendar.date(from: DateComponents(weekday: 2, weekOfYear: number, yearForWeekOfYear: year))
        else { return nil }
        self.init(containing: date)
        guard self.description == description else { return nil }
    }

    /// The next Monday 00:00 UTC, when the week closes for review.
    public var end: Date { start.addingTimeInterval(7 * 86_400) }

    /// The seven days, Monday first, each at 00:00 UTC.
    public var days: [Date] { (0..<7).map { start.addingTimeInterval(TimeInterval($0) * 86_400) } }

    public var previous: TimesheetWeek { TimesheetWeek(containing: start.addingTimeInterval(-86_400)) }
    public var next: TimesheetWeek { TimesheetWeek(containing: end) }

    public func contains(_ date: Date) -> Bool { date >= start && date < end }

    public var description: String {
        let parts = Self.calendar.dateComponents([.weekOfYear, .yearForWeekOfYear], from: start)
        let number = parts.weekOfYear ?? 1
        return "\(parts.yearForWeekOfYear ?? 1970)-W\(number < 10 ? "0" : "")\(number)"
    }

    public static func < (lhs: TimesheetWeek, rhs: TimesheetWeek) -> Bool { lhs.start < rhs.start }
}
