import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Logging

/// Moves orders along without anyone asking: expires open orders whose deadline passed, and offers the next batch
/// of providers for open orders that drew too few proposals within the response window (or were never routed,
/// if routing failed when they opened). Keeps its own providers' snapshot, brought up to date each pass.
public struct OrderRoutingJob: PeriodicJob {
    let store: Store
    let router: OrderRouter
    let settings: LivePlatformSettings
    let clock: any AgoraClock
    public let interval: Duration
    public let logger: Logger
    public let name = "order routing"

    /// Orders routed per pass.
    static let batchSize = 50

    public init(
        store: Store, settings: LivePlatformSettings, announcer: OrderAnnouncer, clock: any AgoraClock = SystemClock(),
        interval: Duration = .seconds(60), logger: Logger = Logger(label: "agora.jobs.order-routing")
    ) {
        self.store = store
        self.settings = settings
        self.clock = clock
        self.interval = interval
        self.logger = logger
        let snapshots = SnapshotKeeper(store: store, clock: clock)
        router = OrderRouter(store: store, settings: settings, announcer: announcer) {
            (try await snapshots.current(), try await CategoryRepository(store: store).tree())
        }
    }

    /// What one pass did.
    public struct Pass: Sendable, Equatable {
        public let expired: Int
        public let routed: Int

        public init(expired: Int, routed: Int) {
            self.expired = expired
            self.routed = routed
        }
    }

    @discardableResult
    public func runOnce() async throws -> Pass {
        let now = clock.now
        let routes = OrderRouteRepository(store: store)
        let expired = try await routes.expireOverdue(now: now)
        var routed = 0
        for orderID in try await routes.dueForRouting(now: now, settings: settings.current.routing, limit: Self.batchSize) {
            do {
                try await router.routeNextBatch(orderID: orderID, now: now)
                routed += 1
            } catch {
                logger.warning("order \(orderID): routing failed: \(error)")
            }
        }
        if !expired.isEmpty || routed > 0 { logger.info("\(name): \(expired.count) expired, \(routed) routed") }
        return Pass(expired: expired.count, routed: routed)
    }
}

/// A providers' snapshot kept between passes: read whole once, then only the changes.
actor SnapshotKeeper {
    let store: Store
    let clock: any AgoraClock
    private var snapshot: SearchSnapshot?

    init(store: Store, clock: any AgoraClock) {
        self.store = store
        self.clock = clock
    }

    func current() async throws -> SearchSnapshot {
        let fresh = if let snapshot { try await snapshot.updated(from: store) } else { try await SearchSnapshot.load(from: store, now: clock.now) }
        snapshot = fresh
        return fresh
    }
}
