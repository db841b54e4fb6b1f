import Foundation

/// The rules of hourly work, in one place: the weekly limit a proposal may set, how long one entry of time may be,
/// its memo, and the hours an hourly project's progress is measured against.
public enum HourlyRules {
    /// The weekly limit a proposal may set, in hours.
    public static let weeklyLimitHours = 1...80
    /// One entry of time, in minutes: from a minute to twelve hours. A timer left running stops counting there.
    public static let entryMinutes = 1...720
    public static let memoLength = 1...500

    /// The minutes an hourly project's progress is measured against: its weekly limit for every week, begun or
    /// whole, from its start to its deadline.
    public static func budgetedMinutes(weeklyLimitHours: Int, start: Date, deadline: Date) -> Int {
        let weeks = max(1, Int((deadline.timeIntervalSince(start) / (7 * 86_400)).rounded(.up)))
        return weeks * weeklyLimitHours * 60
    }

    /// The amount `minutes` of work at `rate` an hour come to, rounded as `Money.portion` rounds.
    public static func amount(minutes: Int, rate: Money) -> Money {
        rate.portion(Int64(minutes), of: 60)
    }

    /// `3 h 05 min`, `45 min`, `2 h`: minutes as the pages and messages show them.
    public static func duration(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        switch (hours, rest) {
        case (0, _): return "\(rest) min"
        case (_, 0): return "\(hours) h"
        default: return "\(hours) h \(rest < 10 ? "0" : "")\(rest) min"
        }
    }
}
