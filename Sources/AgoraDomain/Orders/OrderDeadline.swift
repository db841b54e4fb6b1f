import Foundation

/// When the work is due: an instant, together with the client's time zone and the local time they chose, so that
/// "15 January, 17:00 in Paris" stays exactly that for everyone who reads it.
public struct OrderDeadline: Hashable, Sendable {
    /// The furthest ahead an order may be due.
    public static let maximumLead: TimeInterval = 2 * 366 * 86_400

    public let instant: Date
    public let timeZone: String

    public init(instant: Date, timeZone: String) {
        self.instant = instant
        self.timeZone = timeZone
    }

    /// Reads `local` (`2027-01-15T17:00`, or a date alone for the end of that day) in the zone `timeZone` (an IANA
    /// name such as `Europe/Paris`); the result must lie after `now` and at most two years ahead. A local time the
    /// clocks skip over (the hour lost when summer time starts) is refused rather than moved.
    public static func read(local: String?, timeZone: String?, now: Date, errors: inout [FieldError]) -> OrderDeadline? {
        guard let timeZone, let zone = TimeZone(identifier: timeZone) else {
            errors.append(FieldError(field: "time_zone", message: timeZone == nil ? "is required" : "is not a time zone name such as Europe/Paris"))
            return nil
        }
        guard let local else {
            errors.append(FieldError(field: "deadline", message: "is required"))
            return nil
        }
        guard var components = Self.components(of: local) else {
            errors.append(FieldError(field: "deadline", message: "must be a local date and time such as 2027-01-15T17:00, or a date such as 2027-01-15"))
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        components.timeZone = zone
        guard let instant = calendar.date(from: components),
              calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant) == Self.plain(components)
        else {
            errors.append(FieldError(field: "deadline", message: "does not exist in \(timeZone) (check the date, or the clocks change at that time)"))
            return nil
        }
        guard instant > now else {
            errors.append(FieldError(field: "deadline", message: "must be in the future"))
            return nil
        }
        guard instant.timeIntervalSince(now) <= maximumLead else {
            errors.append(FieldError(field: "deadline", message: "must be at most two years ahead"))
            return nil
        }
        return OrderDeadline(instant: instant, timeZone: zone.identifier)
    }

    /// The local date and time in the client's zone, as the API shows it (`2027-01-15T17:00`).
    public var local: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return String(format: "%04d-%02d-%02dT%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    private static func components(of text: String) -> DateComponents? {
        let pattern = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/
        guard let match = text.wholeMatch(of: pattern),
              let year = Int(match.1), let month = Int(match.2), let day = Int(match.3)
        else { return nil }
        let hour = match.4.flatMap { Int($0) } ?? 23
        let minute = match.5.flatMap { Int($0) } ?? 59
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)
    }

    private static func plain(_ components: DateComponents) -> DateComponents {
        DateComponents(year: components.year, month: components.month, day: components.day, hour: components.hour, minute: components.minute)
    }
}
