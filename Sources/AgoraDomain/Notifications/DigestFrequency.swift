import Foundation

/// How often a digest email gathers what a person left unread in the categories they chose the digest for: never,
/// every day, or every week on Mondays — at `hour` in their time zone, whatever the clocks did overnight.
public enum DigestFrequency: String, Sendable, Codable, CaseIterable {
    case off
    case daily
    case weekly

    /// The local hour digests leave at.
    public static let hour = 8

    /// The latest moment a digest of this frequency was due at, at or before `now`, in `zone`; nil for `off`.
    public func latestMoment(atOrBefore now: Date, in zone: TimeZone) -> Date? {
        guard self != .off else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var day = calendar.startOfDay(for: now)
        if self == .weekly {
            // Back to Monday: `weekday` counts from Sunday (1).
            let weekday = calendar.component(.weekday, from: day)
            day = calendar.date(byAdding: .day, value: -((weekday + 5) % 7), to: day) ?? day
        }
        let moment = calendar.date(bySettingHour: Self.hour, minute: 0, second: 0, of: day) ?? day
        guard moment > now else { return moment }
        let earlier = calendar.date(byAdding: .day, value: self == .weekly ? -7 : -1, to: day) ?? day
        return calendar.date(bySettingHour: Self.hour, minute: 0, second: 0, of: earlier) ?? earlier
    }

    /// Whether a digest is due at `now`: a moment has come since `since` (the last digest, or when the person chose
    /// this frequency).
    public func isDue(since: Date, in zone: TimeZone, at now: Date) -> Bool {
        guard let moment = latestMoment(atOrBefore: now, in: zone) else { return false }
        return since < moment
    }
}
