import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `GET /api/admin/notifications/analytics?days=30` (`analytics.read`): per kind, over the notifications written in
/// the last `days` (1 to 365), how many were written, shown in the app and read (the read rate), what became of their
/// emails and how many went into digests; and the addresses that unsubscribed from optional mail in the period.
struct NotificationAnalyticsRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock

    static let days = 1...365

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        AdminArea.notifications.group(on: admin, store: store).get("analytics", use: analytics)
    }

    @Sendable func analytics(_ request: Request, context: AgoraRequestContext) async throws -> NotificationAnalyticsBody {
        var query = try ListQuery(request, allowing: ["days"])
        let days = query.parsed("days", rule: "must be a whole number of days from 1 to 365") { Int($0).flatMap { Self.days.contains($0) ? $0 : nil } } ?? 30
        try query.finish()
        let since = clock.now.addingTimeInterval(-Double(days) * 86_400)
        let (kinds, unsubscribes, byScope) = try await NotificationAnalyticsRepository(store: store).figures(since: since)
        return NotificationAnalyticsBody(
            days: days, since: since,
            kinds: kinds.map { NotificationAnalyticsBody.Kind($0, unsubscribes: byScope[.category($0.kind.category)] ?? 0) },
            unsubscribes: unsubscribes,
            unsubscribesByScope: UnsubscribeScope.all.map { NotificationAnalyticsBody.Scope(scope: $0.name, label: $0.label, addresses: byScope[$0] ?? 0) }
        )
    }
}

struct NotificationAnalyticsBody: ResponseEncodable {
    struct Emails: Encodable {
        let queued: Int
        let sent: Int
        let failed: Int
        let suppressed: Int
    }

    struct Kind: Encodable {
        let kind: String
        let category: String
        let written: Int
        let shownInApp: Int
        let read: Int
        /// Read among those shown in the app, 0 to 1; absent when none was shown.
        let readRate: Double?
        let emails: Emails
        let digested: Int
        /// Addresses that used a one-click link to stop the emails of the kind's category in the period.
        let unsubscribes: Int

        init(_ figures: NotificationKindFigures, unsubscribes: Int) {
            self.unsubscribes = unsubscribes
            kind = figures.kind.rawValue
            category = figures.kind.category.rawValue
            written = figures.written
            shownInApp = figures.shownInApp
            read = figures.read
            readRate = figures.readRate.map { ($0 * 1_000).rounded() / 1_000 }
            emails = Emails(
                queued: figures.emails[.queued] ?? 0, sent: figures.emails[.sent] ?? 0, failed: figures.emails[.failed] ?? 0,
                suppressed: figures.emails[.suppressed] ?? 0
            )
            digested = figures.digested
        }
    }

    struct Scope: Encodable {
        let scope: String
        let label: String
        let addresses: Int
    }

    let days: Int
    let since: Date
    let kinds: [Kind]
    /// Addresses that stopped all optional mail in the period.
    let unsubscribes: Int
    /// Addresses that used a one-click link, for each thing a link can stop.
    let unsubscribesByScope: [Scope]
}
