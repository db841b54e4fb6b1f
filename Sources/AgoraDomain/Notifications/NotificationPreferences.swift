import Foundation

/// What a person wants to be told where: the channels on for each category, quiet hours in their time zone and how
/// often a digest gathers what they left unread. `allows(_:on:)` and `emailTime(for:at:)` are the one rule the
/// writer of notifications follows; critical categories ignore the choices.
public struct NotificationPreferences: Sendable, Hashable {
    public let channels: [NotificationCategory: Set<NotificationChannel>]
    public let quietHours: QuietHours?
    /// An IANA name, such as `Europe/Paris`.
    public let timeZone: String
    public let digest: DigestFrequency

    public init(channels: [NotificationCategory: Set<NotificationChannel>], quietHours: QuietHours?, timeZone: String, digest: DigestFrequency) {
        self.channels = channels
        self.quietHours = quietHours
        self.timeZone = timeZone
        self.digest = digest
    }

    /// Someone who never chose: each category's defaults, no quiet hours, no digest.
    public static let standard = NotificationPreferences(channels: [:], quietHours: nil, timeZone: "UTC", digest: .off)

    /// The channels on for a category: its critical ones always, otherwise the person's choice or the defaults.
    public func channels(of category: NotificationCategory) -> Set<NotificationChannel> {
        category.isCritical ? category.defaultChannels : channels[category] ?? category.defaultChannels
    }

    /// Whether a notification of this kind reaches the person on this channel.
    public func allows(_ kind: NotificationKind, on channel: NotificationChannel) -> Bool {
        kind.channels.contains(channel) && channels(of: kind.category).contains(channel)
            && (channel != .digest || digest != .off)
    }

    /// When the email of a notification written at `now` may leave: at once when it is critical or outside quiet
    /// hours, otherwise when they end in the person's zone.
    public func emailTime(for kind: NotificationKind, at now: Date) -> Date {
        guard !kind.isCritical, let quietHours, let zone = TimeZone(identifier: timeZone) else { return now }
        return quietHours.release(at: now, in: zone)
    }

    /// Reads a whole set of preferences, every field checked at once: `channels` by category name (categories left
    /// out keep their defaults), `quietHours` nil for none.
    public static func read(
        channels raw: [String: [String]], quietHours: (start: String?, end: String?)?, timeZone: String?, digest: String?
    ) throws -> NotificationPreferences {
        var errors: [FieldError] = []
        var chosen: [NotificationCategory: Set<NotificationChannel>] = [:]
        for (name, values) in raw.sorted(by: { $0.key < $1.key }) {
            let field = "channels.\(name)"
            guard let category = NotificationCategory(rawValue: name) else {
                errors.append(FieldError(field: field, message: "is not a category; use " + NotificationCategory.allCases.map(\.rawValue).joined(separator: ", ")))
                continue
            }
            let found = values.map { NotificationChannel(rawValue: $0) }
            guard found.allSatisfy({ $0 != nil }) else {
                errors.append(FieldError(field: field, message: "lists a channel that does not exist; use " + NotificationChannel.allCases.map(\.rawValue).joined(separator: ", ")))
                continue
            }
            let set = Set(found.compactMap { $0 })
            if category.isCritical, !category.defaultChannels.isSubset(of: set) {
                errors.append(FieldError(field: field, message: "cannot turn off security notices: they always reach you in the app and by email"))
                continue
            }
            chosen[category] = set
        }
        let zone = timeZone.flatMap { TimeZone(identifier: $0) }
        if zone == nil {
            errors.append(FieldError(field: "time_zone", message: timeZone == nil ? "is required" : "is not a time zone name such as Europe/Paris"))
        }
        let frequency = digest.flatMap(DigestFrequency.init(rawValue:))
        if frequency == nil {
            errors.append(FieldError(field: "digest", message: "must be one of " + DigestFrequency.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        let quiet = quietHours.flatMap { QuietHours.read(start: $0.start, end: $0.end, errors: &errors) }
        guard errors.isEmpty, let zone, let frequency else { throw ValidationError(errors) }
        return NotificationPreferences(channels: chosen, quietHours: quiet, timeZone: zone.identifier, digest: frequency)
    }
}
