import AgoraDomain
import Foundation
import SQLKit

/// What became of one kind's notifications written in a period.
public struct NotificationKindFigures: Sendable, Hashable {
    public let kind: NotificationKind
    public var written = 0
    /// Shown in the app (not kept out by a preference), and how many of those the member read.
    public var shownInApp = 0
    public var read = 0
    /// Emails by what became of them.
    public var emails: [NotificationDeliveryStatus: Int] = [:]
    /// Gathered into a digest.
    public var digested = 0

    /// Read among those shown in the app, 0 to 1; nil when none was shown.
    public var readRate: Double? { shownInApp > 0 ? Double(read) / Double(shownInApp) : nil }
}

/// The figures administrators read about notifications (`GET /api/admin/notifications/analytics`): per kind, over
/// the notifications written since a moment, how many were written, shown in the app and read, what became of their
/// emails, how many went into digests; how many addresses stopped all optional mail in the period, and how many used
/// a one-click link for each scope (a category's emails, the digest, all optional mail).
public struct NotificationAnalyticsRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    public func figures(since: Date) async throws -> (kinds: [NotificationKindFigures], unsubscribes: Int, byScope: [UnsubscribeScope: Int]) {
        var figures: [NotificationKind: NotificationKindFigures] = [:]
        func update(_ row: any SQLRow, _ change: (inout NotificationKindFigures) throws -> Void) throws {
            guard let kind = NotificationKind(rawValue: try row.decode(column: "type", as: String.self)) else { return }
            var current = figures[kind] ?? NotificationKindFigures(kind: kind)
            try change(&current)
            figures[kind] = current
        }
        for row in try await store.sql.raw("""
            SELECT type, COUNT(*) AS n FROM notifications WHERE created_at >= \(bind: since) GROUP BY type
            """).all() {
            try update(row) { $0.written = try row.decode(column: "n", as: Int.self) }
        }
        for row in try await store.sql.raw("""
            SELECT n.type, d.channel, d.status, COUNT(*) AS n, SUM(CASE WHEN n.read_at IS NOT NULL THEN 1 ELSE 0 END) AS read
            FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
            WHERE n.created_at >= \(bind: since) GROUP BY n.type, d.channel, d.status
            """).all() {
            let count = try row.decode(column: "n", as: Int.self)
            let channel = try row.decodeState(column: "channel", as: NotificationChannel.self)
            let status = try row.decodeState(column: "status", as: NotificationDeliveryStatus.self)
            try update(row) { figures in
                switch channel {
                case .inApp where status == .sent:
                    figures.shownInApp += count
                    figures.read += try row.decodeIfPresent(column: "read", as: Int.self) ?? 0
                case .inApp: break
                case .email: figures.emails[status, default: 0] += count
                case .digest: figures.digested += count
                }
            }
        }
        let unsubscribes = try await store.sql.raw("""
            SELECT COUNT(*) AS n FROM email_unsubscribes WHERE created_at >= \(bind: since)
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        var byScope: [UnsubscribeScope: Int] = [:]
        for row in try await store.sql.raw("""
            SELECT scope, COUNT(DISTINCT email) AS n FROM email_unsubscribe_events WHERE created_at >= \(bind: since) GROUP BY scope
            """).all() {
            guard let scope = UnsubscribeScope(name: try row.decode(column: "scope", as: String.self)) else { continue }
            byScope[scope] = try row.decode(column: "n", as: Int.self)
        }
        return (NotificationKind.allCases.compactMap { figures[$0] }, unsubscribes, byScope)
    }
}
