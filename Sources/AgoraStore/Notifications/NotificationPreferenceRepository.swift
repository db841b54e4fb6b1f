import AgoraDomain
import Foundation
import SQLKit

/// Each person's `NotificationPreferences`: the channels they chose per category (`notification_preferences`, no row
/// for a category left at its defaults) and their time zone, quiet hours and digest (`notification_settings`).
public struct NotificationPreferenceRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    public func preferences(of userID: Int64) async throws -> NotificationPreferences {
        try await Self.preferences(of: [userID], on: store.sql)[userID] ?? .standard
    }

    /// Replaces the person's preferences with these, and when `optionalMail` is given, whether their address takes
    /// optional mail at all. A new digest frequency counts from now: the first digest comes at its next moment and
    /// gathers what arrives from now on.
    public func save(_ preferences: NotificationPreferences, optionalMail: Bool? = nil, for userID: Int64, now: Date) async throws {
        try await store.transaction { db in
            if let optionalMail { try await EmailUnsubscribeRepository.setOptionalMail(optionalMail, userID: userID, on: db, now: now) }
            let previous = try await db.raw("SELECT digest, digest_since FROM notification_settings WHERE user_id = \(bind: userID)").first()
            let since = try previous.flatMap { row -> Date? in
                guard try row.decode(column: "digest", as: String.self) == preferences.digest.rawValue else { return nil }
                return try row.decodeIfPresent(column: "digest_since", as: Date.self)
            } ?? now
            try await db.raw("DELETE FROM notification_preferences WHERE user_id = \(bind: userID)").run()
            let rows = preferences.channels.sorted { $0.key.rawValue < $1.key.rawValue }.map { category, channels -> SQLQueryString in
                "(\(bind: userID), \(state: category), \(bind: Self.text(channels)), \(bind: now))"
            }
            if !rows.isEmpty {
                try await db.raw("""
                    INSERT INTO notification_preferences (user_id, category, channels, updated_at) VALUES \(rows.joined(separator: ", "))
                    """).run()
            }
            try await db.raw("DELETE FROM notification_settings WHERE user_id = \(bind: userID)").run()
            try await db.raw("""
                INSERT INTO notification_settings (user_id, time_zone, quiet_start, quiet_end, digest, digest_since, updated_at)
                VALUES (\(bind: userID), \(bind: preferences.timeZone), \(bind: preferences.quietHours?.start), \(bind: preferences.quietHours?.end),
                        \(state: preferences.digest), \(bind: since), \(bind: now))
                """).run()
        }
    }

    /// Takes one channel off one category, the rest of the person's choices kept: a one-click unsubscribe.
    static func turnOff(_ channel: NotificationChannel, of category: NotificationCategory, for userID: Int64, on db: any SQLDatabase, now: Date) async throws {
        let current = try await preferences(of: [userID], on: db)[userID] ?? .standard
        let remaining = current.channels(of: category).subtracting([channel])
        try await db.raw("DELETE FROM notification_preferences WHERE user_id = \(bind: userID) AND category = \(state: category)").run()
        try await db.raw("""
            INSERT INTO notification_preferences (user_id, category, channels, updated_at)
            VALUES (\(bind: userID), \(state: category), \(bind: Self.text(remaining)), \(bind: now))
            """).run()
    }

    /// The preferences of several people, read in two queries; people who never chose are left out (`standard`).
    static func preferences(of ids: [Int64], on db: any SQLDatabase) async throws -> [Int64: NotificationPreferences] {
        let ids = Set(ids).sorted()
        guard !ids.isEmpty else { return [:] }
        var channels: [Int64: [NotificationCategory: Set<NotificationChannel>]] = [:]
        for row in try await db.raw("SELECT user_id, category, channels FROM notification_preferences WHERE user_id IN (\(binds: ids))").all() {
            guard let category = NotificationCategory(rawValue: try row.decode(column: "category", as: String.self)) else { continue }
            let chosen = Set(try row.decode(column: "channels", as: String.self).split(separator: ",").compactMap { NotificationChannel(rawValue: String($0)) })
            channels[try row.decode(column: "user_id", as: Int64.self), default: [:]][category] = chosen
        }
        var found: [Int64: NotificationPreferences] = [:]
        for row in try await db.raw("SELECT * FROM notification_settings WHERE user_id IN (\(binds: ids))").all() {
            let id = try row.decode(column: "user_id", as: Int64.self)
            let start = try row.decodeIfPresent(column: "quiet_start", as: Int.self)
            let end = try row.decodeIfPresent(column: "quiet_end", as: Int.self)
            found[id] = NotificationPreferences(
                channels: channels[id] ?? [:], quietHours: start.flatMap { start in end.map { QuietHours(start: start, end: $0) } },
                timeZone: try row.decode(column: "time_zone", as: String.self),
                digest: DigestFrequency(rawValue: try row.decode(column: "digest", as: String.self)) ?? .off
            )
        }
        for (id, chosen) in channels where found[id] == nil {
            found[id] = NotificationPreferences(channels: chosen, quietHours: nil, timeZone: "UTC", digest: .off)
        }
        return found
    }

    /// SQL that is true when `channel` is on for `category` in the `notification_preferences` row joined as `row` (no
    /// row: the category's defaults): the stored text of `text(_:)` read in one place, for statements that decide for
    /// many members at once.
    static func channelOn(_ channel: NotificationChannel, category: NotificationCategory, row: String) -> SQLQueryString {
        let stored: SQLQueryString = "(',' || \(unsafeRaw: row).channels || ',') LIKE \(bind: "%," + channel.rawValue + ",%")"
        return category.defaultChannels.contains(channel)
            ? "(\(unsafeRaw: row).channels IS NULL OR \(stored))"
            : "(\(unsafeRaw: row).channels IS NOT NULL AND \(stored))"
    }

    /// Channels as stored: their names, comma-separated, in a fixed order.
    private static func text(_ channels: Set<NotificationChannel>) -> String {
        NotificationChannel.allCases.filter(channels.contains).map(\.rawValue).joined(separator: ",")
    }
}
