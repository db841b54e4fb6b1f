import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Logging

/// Every `interval`, charges the hourly weeks that have ended to their clients' saved cards (`HourlyBilling`):
/// charged weeks are held in escrow until approved, declined ones are tried again a day later.
public struct HourlyBillingJob: PeriodicJob {
    let billing: HourlyBilling
    let clock: any AgoraClock
    public let interval: Duration
    public let logger: Logger
    public let name = "hourly billing"

    static let batchSize = 100

    public init(
        store: Store, processor: any PaymentProcessor, announcer: ProjectAnnouncer, clock: any AgoraClock = SystemClock(),
        interval: Duration = .seconds(600), logger: Logger = Logger(label: "agora.jobs.hourly-billing")
    ) {
        billing = HourlyBilling(store: store, processor: processor, announcer: announcer)
        self.clock = clock
        self.interval = interval
        self.logger = logger
    }

    /// One pass; returns the weeks charged.
    @discardableResult
    public func runOnce() async throws -> Int {
        let charged = try await billing.run(now: clock.now, limit: Self.batchSize)
        if !charged.isEmpty { logger.info("hourly weeks charged", metadata: ["weeks": "\(charged.count)"]) }
        return charged.count
    }
}
