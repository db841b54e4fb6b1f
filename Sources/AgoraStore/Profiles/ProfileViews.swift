import AgoraDomain
import Foundation
import SQLKit

/// The daily counts of views of providers' public pages: one more for a day and kind, and a provider's days.
public struct ProfileViews: Sendable {
    /// Days of views kept: the dashboard's year and a little more.
    public static let retentionDays = 400

    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Counts one view of the published provider with this slug; false when no published provider has it.
    public func count(_ slug: Slug, kind: ProfileViewKind, now: Date) async throws -> Bool {
        guard let row = try await store.sql.raw("""
            SELECT p.user_id FROM user_profiles p JOIN users u ON u.id = p.user_id
            WHERE p.slug = \(bind: slug.value) AND \(ProviderRepository.publicFilter)
            """).first() else { return false }
        let providerID = try row.decode(column: "user_id", as: Int64.self)
        try await store.sql.raw("""
            INSERT INTO profile_view_days (provider_id, day, kind, views) VALUES (\(bind: providerID), \(bind: Self.day(now)), \(bind: kind.rawValue), 1)
            ON CONFLICT (provider_id, day, kind) DO UPDATE SET views = profile_view_days.views + 1
            """).run()
        return true
    }

    /// The provider's views on each of the `count` UTC days up to `now`'s, oldest first, days without views included.
    public func days(of providerID: Int64, count: Int, now: Date) async throws -> [ProfileViewDay] {
        let days = (0..<count).reversed().map { Self.day(now.addingTimeInterval(-Double($0) * 86_400)) }
        var views: [String: [ProfileViewKind: Int]] = [:]
        for row in try await store.sql.raw("""
            SELECT day, kind, views FROM profile_view_days WHERE provider_id = \(bind: providerID) AND day >= \(bind: days[0]) AND day <= \(bind: days[days.count - 1])
            """).all() {
            guard let kind = ProfileViewKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
            views[try row.decode(column: "day", as: String.self), default: [:]][kind] = try row.decode(column: "views", as: Int.self)
        }
        return days.map { ProfileViewDay(day: $0, views: views[$0] ?? [:]) }
    }

    /// Deletes the days older than `retentionDays`.
    public func forgetOld(now: Date) async throws {
        try await store.sql.raw("""
            DELETE FROM profile_view_days WHERE day < \(bind: Self.day(now.addingTimeInterval(-Double(Self.retentionDays) * 86_400)))
            """).run()
    }

    static func day(_ date: Date) -> String {
        ISO8601DateFormatter.string(from: date, timeZone: .gmt, formatOptions: [.withFullDate])
    }
}
