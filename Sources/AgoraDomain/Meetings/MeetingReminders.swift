/// When a participant is reminded of each occurrence: a few offsets before it starts, in minutes. By default a day and
/// a quarter of an hour before. Two reminders at the same offset would arrive together, so offsets are distinct.
public struct MeetingReminders: Sendable, Hashable, Codable {
    public static let standard = MeetingReminders(checked: [1_440, 15])
    public static let maximumCount = 5
    /// At most a week before; zero is "as it starts".
    public static let offsets = 0...10_080

    /// Minutes before the start, largest first.
    public let minutes: [Int]

    private init(checked minutes: [Int]) { self.minutes = minutes.sorted(by: >) }

    /// Checks a list of offsets, naming what is wrong under `field`.
    public init(minutes: [Int], field: String = "reminders") throws {
        guard minutes.count <= Self.maximumCount else {
            throw ValidationError(field: field, message: "must have at most \(Self.maximumCount) reminders")
        }
        if let wrong = minutes.firstIndex(where: { !Self.offsets.contains($0) }) {
            throw ValidationError(field: "\(field)[\(wrong)]", message: "must be from 0 to \(Self.offsets.upperBound) minutes before the meeting")
        }
        guard Set(minutes).count == minutes.count else {
            throw ValidationError(field: field, message: "must not name the same time twice: two reminders would arrive together")
        }
        self.init(checked: minutes)
    }

    /// The stored form: `1440,15`.
    public var stored: String { minutes.map(String.init).joined(separator: ",") }

    /// Reads the stored form back; nothing the store holds was unchecked, so a bad entry is dropped.
    public init(stored: String) {
        self.init(checked: Array(Set(stored.split(separator: ",").compactMap { Int($0) }.filter(Self.offsets.contains))))
    }

    /// "1 day before and 15 minutes before", for emails and pages.
    public var words: String {
        guard !minutes.isEmpty else { return "no reminders" }
        let each = minutes.map(Self.words(for:))
        return each.count == 1 ? each[0] : each.dropLast().joined(separator: ", ") + " and " + each[each.count - 1]
    }

    /// One offset in words: "1 day before", "as it starts".
    public static func words(for minutes: Int) -> String {
        if minutes == 0 { return "as it starts" }
        return duration(minutes) + " before"
    }

    private static func duration(_ minutes: Int) -> String {
        if minutes % 1_440 == 0 { return plural(minutes / 1_440, "day") }
        if minutes % 60 == 0 { return plural(minutes / 60, "hour") }
        return plural(minutes, "minute")
    }

    private static func plural(_ count: Int, _ unit: String) -> String { "\(count) \(unit)\(count == 1 ? "" : "s")" }
}
