/// A day of the week as iCalendar names it (`MO` … `SU`), in the order of an ISO week.
public enum Weekday: String, Sendable, Codable, CaseIterable, Comparable {
    case monday = "MO"
    case tuesday = "TU"
    case wednesday = "WE"
    case thursday = "TH"
    case friday = "FR"
    case saturday = "SA"
    case sunday = "SU"

    /// Days after Monday, 0 to 6.
    public var offsetFromMonday: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// The day of a Gregorian calendar's `weekday` component (1 is Sunday).
    public init(calendarWeekday: Int) {
        self = Self.allCases[(calendarWeekday + 5) % 7]
    }

    public static func < (left: Weekday, right: Weekday) -> Bool { left.offsetFromMonday < right.offsetFromMonday }
}
