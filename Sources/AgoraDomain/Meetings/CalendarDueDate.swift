import Foundation

/// A day something is due (a milestone), as a feed shows it: an all-day event that does not make its day busy.
public struct CalendarDueDate: Sendable, Hashable {
    public let uid: String
    /// The day, `YYYYMMDD`.
    public let day: String
    public let summary: String
    public let url: String

    public init(uid: String, date: Date, summary: String, url: String) {
        self.uid = uid
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        day = String(format: "%04d%02d%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
        self.summary = summary
        self.url = url
    }
}
