import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/admin/dashboard` (`analytics.read`): the quick figures of the administration's first page, with the accounts
/// active each day and the weekly cohorts' retention, and the money that needs someone (`FinanceRepository`, the
/// finance page's own figures).
struct DashboardRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock

    struct DayCount: Encodable {
        let day: String
        let count: Int
    }

    struct CohortBody: Encodable {
        /// The Monday the cohort's sign-up week starts on.
        let week: String
        let size: Int
        /// Accounts of the cohort active in their sign-up week and each week after.
        let active: [Int]
    }

    struct Moderation: Encodable {
        let waiting: Int
        /// How long the oldest waiting item has waited, in hours.
        let oldestHours: Int
    }

    struct Waiting: Encodable {
        let waiting: Int
        let failed: Int
    }

    struct MoneyFigures: Encodable {
        /// What escrow holds for milestones and hourly weeks, per currency (none when nothing is held).
        let inEscrow: [MoneyBody]
        let openDisputes: Int
        /// Refunds and payouts decided but not yet paid by the processor.
        let pendingRefunds: Int
        let pendingPayouts: Int
        /// Payouts the bank sent back over the last `DashboardRoutes.failedPayoutDays` days.
        let failedPayouts: Int
    }

    /// The days over which failed payouts are counted.
    static let failedPayoutDays = 7

    struct DashboardBody: ResponseEncodable {
        let accounts: [String: Int]
        let suspended: Int
        let signUps: [DayCount]
        let openOrders: Int
        let siteChanges: Waiting
        let emails: Waiting
        let staffWithoutTwoFactors: Int
        let moderation: Moderation
        let activeUsers: [DayCount]
        let cohorts: [CohortBody]
        let money: MoneyFigures
    }

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        AdminArea.dashboard.group(on: admin, store: store).get(use: figures)
    }

    @Sendable func figures(_ request: Request, context: AgoraRequestContext) async throws -> DashboardBody {
        let figures = try await PlatformFigures.read(store: store, now: clock.now)
        let engagement = try await Engagement.read(store: store, now: clock.now)
        let now = clock.now
        let books = FinanceRepository(store: store)
        let balances = try await books.balances()
        let waiting = try await books.waiting(failedIn: now.addingTimeInterval(-Double(Self.failedPayoutDays) * 86_400)..<now.addingTimeInterval(1))
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return DashboardBody(
            accounts: Dictionary(uniqueKeysWithValues: UserType.allCases.map { ($0.rawValue, figures.accountsByType[$0] ?? 0) }),
            suspended: figures.suspendedAccounts,
            signUps: figures.signUps.map { DayCount(day: day.string(from: $0.day), count: $0.count) },
            openOrders: figures.openOrders,
            siteChanges: Waiting(waiting: figures.queues.siteChangesWaiting, failed: figures.queues.siteChangesFailed),
            emails: Waiting(waiting: figures.queues.emailsWaiting, failed: figures.queues.emailsFailed),
            staffWithoutTwoFactors: figures.staffWithoutTwoFactors,
            moderation: Moderation(waiting: figures.queues.moderationWaiting, oldestHours: Int(figures.queues.moderationLag / 3_600)),
            activeUsers: engagement.activeUsers.map { DayCount(day: day.string(from: $0.day), count: $0.count) },
            cohorts: engagement.cohorts.map { CohortBody(week: day.string(from: $0.week), size: $0.size, active: $0.active) },
            money: MoneyFigures(
                inEscrow: balances.keys.sorted { $0.code < $1.code }.compactMap { currency in
                    let held = (balances[currency]?[.escrow] ?? 0) + (balances[currency]?[.weekEscrow] ?? 0)
                    guard held != 0 else { return nil }
                    return MoneyBody(Money(minorUnits: held, currency: currency))
                },
                openDisputes: waiting.openDisputes, pendingRefunds: waiting.pendingRefunds, pendingPayouts: waiting.pendingPayouts,
                failedPayouts: waiting.failedPayouts
            )
        )
    }
}
