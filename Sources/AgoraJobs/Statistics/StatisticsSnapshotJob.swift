import AgoraDomain
import AgoraStore
import Foundation
import Logging

/// Keeps one snapshot of the marketplace's public figures per day in `marketplace_stats_history`: every `interval`
/// it writes today's unless the day has one (several instances write it once), and deletes the search analytics of
/// days more than `analyticsRetention` ago.
public struct StatisticsSnapshotJob: PeriodicJob {
    let store: Store
    let clock: any AgoraClock
    public let interval: Duration
    public let logger: Logger
    public let name = "statistics snapshot"
    /// How long search analytics are kept: a year and a month, so that a period can be set beside the same one a year
    /// before.
    public static let analyticsRetention: TimeInterval = 400 * 86_400

    public init(
        store: Store, clock: any AgoraClock = SystemClock(), interval: Duration = .seconds(3_600),
        logger: Logger = Logger(label: "agora.jobs.statistics")
    ) {
        self.store = store
        self.clock = clock
        self.interval = interval
        self.logger = logger
    }

    /// Writes today's snapshot if it is missing; true when it wrote one.
    @discardableResult
    public func runOnce() async throws -> Bool {
        let wrote = try await MarketplaceStatisticsRepository(store: store).snapshot(now: clock.now)
        try await SearchStatisticsRepository(store: store).purge(before: SearchTally.day(of: clock.now.addingTimeInterval(-Self.analyticsRetention)))
        if wrote { logger.info("statistics snapshot written", metadata: ["day": "\(SearchTally.day(of: clock.now))"]) }
        return wrote
    }
}
