import AgoraDomain
import Foundation
import SQLKit

/// Which provider was offered which order: batches from routing, additions and removals by administrators, views,
/// expiry, and the figures of each batch.
public struct OrderRouteRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// Offers an open order to providers in one transaction: the routes (providers already offered are skipped),
    /// the order's batch counter, the expiry of earlier offers nobody answered, the history entry and the
    /// announcements (`announce` gets the providers newly offered), and the audit entry of an administrator's offer.
    /// Returns how many were offered.
    @discardableResult
    public func offer(
        orderID: Int64, candidates: [RoutingCandidate], source: OrderRoute.Source, actorID: Int64?, auditedAs actor: AuditActor? = nil,
        now: Date, announce: @escaping @Sendable (Order, [Recipient]) throws -> Announcements
    ) async throws -> Int {
        try await store.transaction { [store] db in
            let order = try await OrderRepository.locked(orderID, on: db)
            guard order.status == .open else { throw StatusTransitionError("only open orders are offered to providers") }
            let existing = Set(try await db.raw("SELECT provider_id FROM order_routes WHERE order_id = \(bind: orderID)").all()
                .map { try $0.decode(column: "provider_id", as: Int64.self) })
            let fresh = candidates.filter { !existing.contains($0.providerID) }
            let batch = source == .matched ? order.routingBatch + 1 : max(order.routingBatch, 1)
            if source == .matched {
                try await db.raw("""
                    UPDATE order_routes SET expired_at = \(bind: now)
                    WHERE order_id = \(bind: orderID) AND expired_at IS NULL AND removed_at IS NULL AND source = \(state: OrderRoute.Source.matched)
                      AND provider_id NOT IN (SELECT provider_id FROM proposals WHERE order_id = \(bind: orderID))
                    """).run()
                try await db.raw("""
                    UPDATE orders SET routing_batch = \(bind: batch), routed_at = \(bind: now) WHERE id = \(bind: orderID)
                    """).run()
            }
            if !fresh.isEmpty {
                let rows = fresh.map { candidate -> SQLQueryString in
                    """
                    (\(bind: orderID), \(bind: candidate.providerID), \(bind: batch), \(bind: source.rawValue),
                     \(bind: candidate.score), \(bind: candidate.reason), \(bind: now))
                    """
                }
                try await db.raw("""
                    INSERT INTO order_routes (order_id, provider_id, batch, source, score, reason, offered_at)
                    VALUES \(rows.joined(separator: ", "))
                    """).run()
            }
            if source == .admin {
                for candidate in candidates where existing.contains(candidate.providerID) {
                    try await db.raw("""
                        UPDATE order_routes SET removed_at = NULL, expired_at = NULL
                        WHERE order_id = \(bind: orderID) AND provider_id = \(bind: candidate.providerID)
                        """).run()
                }
            }
            let kind: OrderEvent.Kind = source == .matched ? .routed : .routeAdded
            try await OrderRepository.record(kind, orderID: orderID, actorID: actorID, detail: ["batch": String(batch), "offered": String(fresh.count)], now: now, on: db)
            let people = try await NotificationRepository.recipients(fresh.map(\.providerID), on: db)
            try await NotificationRepository.write(try announce(order, fresh.compactMap { people[$0.providerID] }), store: store, on: db, now: now)
            if let actor {
                try await AuditLog(store: store, in: StoreTransaction(sql: db)).append(actor.entry(
                    .orderOfferedByHand, on: .order, id: orderID, before: [:],
                    after: ["provider_ids": candidates.map { String($0.providerID) }.joined(separator: ",")], at: now
                ))
            }
            return fresh.count
        }
    }

    /// Every provider the order was ever offered to (removed ones too: routing does not offer it to them again).
    public func offeredProviders(orderID: Int64) async throws -> Set<Int64> {
        Set(try await store.sql.raw("SELECT provider_id FROM order_routes WHERE order_id = \(bind: orderID)").all()
            .map { try $0.decode(column: "provider_id", as: Int64.self) })
    }

    /// Withdraws an offer (an administrator's decision); false when there was none.
    public func remove(orderID: Int64, providerID: Int64, by actor: AuditActor, now: Date) async throws -> Bool {
        try await store.transaction { [store] db in
            let removed = try await db.raw("""
                UPDATE order_routes SET removed_at = \(bind: now)
                WHERE order_id = \(bind: orderID) AND provider_id = \(bind: providerID) AND removed_at IS NULL RETURNING provider_id
                """).first() != nil
            if removed {
                try await OrderRepository.record(.routeRemoved, orderID: orderID, actorID: actor.userID, detail: ["provider_id": String(providerID)], now: now, on: db)
                try await AuditLog(store: store, in: StoreTransaction(sql: db)).append(actor.entry(
                    .orderOfferWithdrawn, on: .order, id: orderID, before: ["provider_id": String(providerID)], after: [:], at: now
                ))
            }
            return removed
        }
    }

    /// Notes the first time an offered provider opened the order.
    public func markViewed(orderID: Int64, providerID: Int64, now: Date) async throws {
        try await store.transaction { db in
            try await db.raw("""
                UPDATE order_routes SET viewed_at = \(bind: now)
                WHERE order_id = \(bind: orderID) AND provider_id = \(bind: providerID) AND viewed_at IS NULL
                """).run()
        }
    }

    /// An order's routes, by batch then score.
    public func routes(orderID: Int64) async throws -> [OrderRoute] {
        try await store.sql.raw("""
            SELECT r.order_id, r.provider_id, r.batch, r.source, r.score, r.reason, r.offered_at, r.viewed_at, r.expired_at,
                r.removed_at, u.first_name, u.last_name,
                (SELECT MIN(p.id) FROM proposals p WHERE p.order_id = r.order_id AND p.provider_id = r.provider_id) AS proposal_id
            FROM order_routes r JOIN users u ON u.id = r.provider_id
            WHERE r.order_id = \(bind: orderID) ORDER BY r.batch, r.score DESC, r.provider_id
            """).all().map { row in
            OrderRoute(
                orderID: try row.decode(column: "order_id", as: Int64.self),
                providerID: try row.decode(column: "provider_id", as: Int64.self),
                providerName: "\(try row.decode(column: "first_name", as: String.self)) \(try row.decode(column: "last_name", as: String.self))",
                batch: try row.decode(column: "batch", as: Int.self),
                source: OrderRoute.Source(rawValue: try row.decode(column: "source", as: String.self)) ?? .matched,
                score: try row.decode(column: "score", as: Double.self),
                reason: try row.decode(column: "reason", as: String.self),
                offeredAt: try row.decode(column: "offered_at", as: Date.self),
                viewedAt: try row.decodeIfPresent(column: "viewed_at", as: Date.self),
                expiredAt: try row.decodeIfPresent(column: "expired_at", as: Date.self),
                removedAt: try row.decodeIfPresent(column: "removed_at", as: Date.self),
                proposalID: try row.decodeIfPresent(column: "proposal_id", as: Int64.self)
            )
        }
    }

    /// Offered, viewed and proposals for each batch of an order's routing.
    public func figures(orderID: Int64) async throws -> [RoutingBatchFigures] {
        try await store.sql.raw("""
            SELECT r.batch, COUNT(*) AS offered, COUNT(r.viewed_at) AS viewed,
                CAST(SUM(CASE WHEN EXISTS (SELECT 1 FROM proposals p WHERE p.order_id = r.order_id AND p.provider_id = r.provider_id)
                    THEN 1 ELSE 0 END) AS BIGINT) AS proposals
            FROM order_routes r WHERE r.order_id = \(bind: orderID) GROUP BY r.batch ORDER BY r.batch
            """).all().map { row in
            RoutingBatchFigures(
                batch: try row.decode(column: "batch", as: Int.self),
                offered: try row.decode(column: "offered", as: Int.self),
                viewed: try row.decode(column: "viewed", as: Int.self),
                proposals: try row.decode(column: "proposals", as: Int.self)
            )
        }
    }

    /// Open orders whose routing should move on: never routed, or whose latest batch went out more than
    /// `responseWindow` ago and brought fewer than `enoughProposals` proposals, while batches remain.
    public func dueForRouting(now: Date, settings: RoutingSettings, limit: Int) async throws -> [Int64] {
        let cutoff = now.addingTimeInterval(-settings.responseWindow)
        return try await store.sql.raw("""
            SELECT o.id FROM orders o
            WHERE o.status = \(state: OrderStatus.open) AND o.moderation_hold = FALSE AND (o.routing_batch = 0 OR (o.routing_batch < \(bind: settings.maximumBatches)
                AND o.routed_at < \(bind: cutoff)
                AND (SELECT COUNT(*) FROM proposals p WHERE p.order_id = o.id AND p.status <> \(state: ProposalStatus.withdrawn)) < \(bind: settings.enoughProposals)))
            ORDER BY o.id LIMIT \(bind: limit)
            """).all().map { try $0.decode(column: "id", as: Int64.self) }
    }

    /// Marks open orders whose deadline has passed expired (closing their live proposals); returns their ids.
    public func expireOverdue(now: Date) async throws -> [Int64] {
        try await store.transaction { db in
            let ids = try await db.raw("""
                UPDATE orders SET status = \(state: OrderStatus.expired), updated_at = \(bind: now)
                WHERE status IN (\(states: OrderStatus.expirable)) AND deadline <= \(bind: now) RETURNING id
                """).all().map { try $0.decode(column: "id", as: Int64.self) }
            for id in ids {
                try await db.raw("""
                    UPDATE proposals SET status = \(state: ProposalStatus.rejected), updated_at = \(bind: now)
                    WHERE order_id = \(bind: id) AND status IN (\(states: ProposalStatus.live))
                    """).run()
                try await OrderRepository.record(.expired, orderID: id, actorID: nil, now: now, on: db)
            }
            return ids
        }
    }

    /// A provider's inbox: orders offered to them (not withdrawn) and orders they proposed on, newest first.
    public func inbox(providerID: Int64, before: Int64?, limit: Int) async throws -> [InboxEntry] {
        var conditions: [SQLQueryString] = ["""
            (o.id IN (SELECT order_id FROM order_routes WHERE provider_id = \(bind: providerID) AND removed_at IS NULL)
             OR o.id IN (SELECT order_id FROM proposals WHERE provider_id = \(bind: providerID)))
            """, "o.status <> \(state: OrderStatus.draft)", "o.moderation_hold = FALSE"]
        if let before { conditions.append("o.id < \(bind: before)") }
        let summaries = try await OrderRepository(store: store).summaries(where: conditions, limit: limit)
        guard !summaries.isEmpty else { return [] }
        let ids = summaries.map(\.order.id)
        var routes: [Int64: (Date, String, Date?)] = [:]
        for row in try await store.sql.raw("""
            SELECT order_id, offered_at, reason, viewed_at FROM order_routes
            WHERE provider_id = \(bind: providerID) AND removed_at IS NULL AND order_id IN (\(binds: ids))
            """).all() {
            routes[try row.decode(column: "order_id", as: Int64.self)] = (
                try row.decode(column: "offered_at", as: Date.self), try row.decode(column: "reason", as: String.self),
                try row.decodeIfPresent(column: "viewed_at", as: Date.self)
            )
        }
        var proposals: [Int64: (Int64, String)] = [:]
        for row in try await store.sql.raw("""
            SELECT order_id, id, status FROM proposals WHERE provider_id = \(bind: providerID) AND order_id IN (\(binds: ids)) ORDER BY id
            """).all() {
            proposals[try row.decode(column: "order_id", as: Int64.self)] = (try row.decode(column: "id", as: Int64.self), try row.decode(column: "status", as: String.self))
        }
        return summaries.map { summary in
            let route = routes[summary.order.id]
            let proposal = proposals[summary.order.id]
            return InboxEntry(
                summary: summary, offeredAt: route?.0, reason: route?.1, viewedAt: route?.2,
                proposalID: proposal?.0, proposalStatus: proposal?.1
            )
        }
    }
}
