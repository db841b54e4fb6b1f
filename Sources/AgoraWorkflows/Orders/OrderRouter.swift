import AgoraDomain
import AgoraStore
import Foundation

/// Offers open orders to the providers who fit them best: scores the providers (`ProviderMatcher` over the search
/// snapshot), leaves out those already offered, and writes the next batch with its notifications. The service
/// routes an order the moment it opens; `OrderRoutingJob` sends later batches and catches any order left unrouted.
public struct OrderRouter: Sendable {
    let store: Store
    /// Read at each batch, so that a change of the routing settings holds for the next batch.
    let settings: LivePlatformSettings
    let announcer: OrderAnnouncer
    /// The providers' snapshot and the category tree, as fresh as the caller keeps them.
    let catalog: @Sendable () async throws -> (SearchSnapshot, CategoryTree)

    public init(
        store: Store, settings: LivePlatformSettings, announcer: OrderAnnouncer,
        catalog: @escaping @Sendable () async throws -> (SearchSnapshot, CategoryTree)
    ) {
        self.store = store
        self.settings = settings
        self.announcer = announcer
        self.catalog = catalog
    }

    /// Offers the order's next batch; returns how many providers were offered it.
    @discardableResult
    public func routeNextBatch(orderID: Int64, now: Date) async throws -> Int {
        guard let order = try await OrderRepository(store: store).find(orderID), order.status == .open, !order.moderationHold else { return 0 }
        let (snapshot, tree) = try await catalog()
        let excluded = try await OrderRouteRepository(store: store).offeredProviders(orderID: orderID)
        let routing = settings.current.routing
        let candidates = ProviderMatcher(snapshot: snapshot, tree: tree, settings: routing)
            .best(for: order, limit: routing.batchSize, excluding: excluded)
        return try await OrderRouteRepository(store: store).offer(
            orderID: orderID, candidates: candidates, source: .matched, actorID: nil, now: now, announce: announcer.offered
        )
    }
}
