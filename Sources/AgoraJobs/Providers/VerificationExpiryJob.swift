import AgoraDomain
import AgoraStore
import Foundation
import Logging

/// Every `interval`, approvals whose validity has passed (`VerificationKind.validity`) become `expired`: their
/// badges leave the pages (search index refreshed and pages queued in the same transaction).
public struct VerificationExpiryJob: PeriodicJob {
    let store: Store
    let clock: any AgoraClock
    public let interval: Duration
    public let logger: Logger
    public let name = "verification expiry"

    public init(store: Store, clock: any AgoraClock = SystemClock(), interval: Duration = .seconds(3_600), logger: Logger = Logger(label: "agora.jobs.verifications")) {
        self.store = store
        self.clock = clock
        self.interval = interval
        self.logger = logger
    }

    /// Returns how many verifications expired.
    @discardableResult
    public func runOnce() async throws -> Int {
        let expired = try await VerificationRepository(store: store).expire(now: clock.now)
        if expired > 0 { logger.info("verifications expired", metadata: ["count": "\(expired)"]) }
        return expired
    }
}
