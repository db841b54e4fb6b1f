import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Logging

/// Every `interval`: sends the payouts decided but not answered by the processor (a crash or a processor error in
/// between), then pays out the providers whose schedule is due — weekly ones once a week (from Monday, UTC), monthly
/// ones once a month (from the 1st) — every currency with at least the minimum available. With a processor that
/// does not pay out (Stripe without Connect) it does nothing.
public struct PayoutJob: PeriodicJob {
    let payouts: Payouts
    let repository: PayoutRepository
    let clock: any AgoraClock
    public let interval: Duration
    public let logger: Logger
    public let name = "payouts"

    static let batchSize = 100

    public init(
        store: Store, processor: any PaymentProcessor, settings: LivePlatformSettings, clock: any AgoraClock = SystemClock(),
        interval: Duration = .seconds(3_600), logger: Logger = Logger(label: "agora.jobs.payouts")
    ) {
        payouts = Payouts(store: store, processor: processor, settings: settings)
        repository = PayoutRepository(store: store)
        self.clock = clock
        self.interval = interval
        self.logger = logger
    }

    /// What one pass did: payouts sent again, and payouts made on schedule.
    public struct Pass: Sendable, Equatable {
        public let resent: Int
        public let scheduled: Int

        public init(resent: Int, scheduled: Int) {
            self.resent = resent
            self.scheduled = scheduled
        }
    }

    @discardableResult
    public func runOnce() async throws -> Pass {
        guard payouts.offered else { return Pass(resent: 0, scheduled: 0) }
        let now = clock.now
        var resent = 0
        for (payout, iban) in try await repository.pending(before: now.addingTimeInterval(-60), limit: Self.batchSize) {
            do {
                _ = try await payouts.send(payout, to: iban, now: now)
                resent += 1
            } catch {
                logger.warning("payout not sent yet", metadata: ["payout": "\(payout.id)", "error": "\(error)"])
            }
        }
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let weekStart = calendar.dateInterval(of: .weekOfYear, for: now)?.start ?? now
        let monthStart = calendar.dateInterval(of: .month, for: now)?.start ?? now
        var scheduled = 0
        for providerID in try await repository.due(weekStart: weekStart, monthStart: monthStart, limit: Self.batchSize) {
            for wallet in try await repository.wallets(of: providerID, holdDays: payouts.holdDays, now: now) where wallet.available.minorUnits > 0 {
                do {
                    _ = try await payouts.payOut(providerID: providerID, currency: wallet.currency, now: now)
                    scheduled += 1
                } catch is StatusTransitionError {
                    continue
                } catch {
                    logger.warning("scheduled payout failed", metadata: ["provider": "\(providerID)", "error": "\(error)"])
                }
            }
        }
        if resent + scheduled > 0 { logger.info("payouts", metadata: ["resent": "\(resent)", "scheduled": "\(scheduled)"]) }
        return Pass(resent: resent, scheduled: scheduled)
    }
}
