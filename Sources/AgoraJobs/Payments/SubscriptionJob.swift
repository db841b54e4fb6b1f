import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Logging

/// Every `interval`, renews providers' Pro subscriptions (`Subscriptions.run`): a renewal charged when the paid month
/// ends, a declined one retried, then downgraded to Free; a cancelled one ended with its month.
public struct SubscriptionJob: PeriodicJob {
    let subscriptions: Subscriptions
    let clock: any AgoraClock
    public let interval: Duration
    public let logger: Logger
    public let name = "subscriptions"

    static let batchSize = 100

    public init(
        subscriptions: Subscriptions, clock: any AgoraClock = SystemClock(), interval: Duration = .seconds(3_600),
        logger: Logger = Logger(label: "agora.jobs.subscriptions")
    ) {
        self.subscriptions = subscriptions
        self.clock = clock
        self.interval = interval
        self.logger = logger
    }

    /// One pass; returns the subscriptions charged.
    @discardableResult
    public func runOnce() async throws -> Int {
        let charged = try await subscriptions.run(now: clock.now, limit: Self.batchSize)
        if !charged.isEmpty { logger.info("subscriptions charged", metadata: ["subscriptions": "\(charged.count)"]) }
        return charged.count
    }
}
