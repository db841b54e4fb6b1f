import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// `/api/admin/orders`: every order, searchable, and for each who it was offered to, how each batch did, and offers
/// added or withdrawn by hand.
struct OrderRoutingAdminRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let announcer: OrderAnnouncer

    struct RouteBody: Encodable {
        let providerId: Int64
        let providerName: String
        let batch: Int
        let source: String
        let score: Double
        let reason: String
        let offeredAt: Date
        let viewedAt: Date?
        let expiredAt: Date?
        let removedAt: Date?
        let proposalId: Int64?
    }

    struct BatchBody: Encodable {
        let batch: Int
        let offered: Int
        let viewed: Int
        let proposals: Int
    }

    struct RoutesBody: ResponseEncodable {
        let routes: [RouteBody]
        let batches: [BatchBody]
    }

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        let orders = AdminArea.orderRouting.group(on: admin, store: store)
        orders.get(use: search)
        orders.get("{id}/routes", use: list)
        orders.post("{id}/routes", use: add)
        orders.delete("{id}/routes/{providerId}", use: remove)
    }

    struct OfferInput: RequestBody {
        static let fields: Set<String> = ["provider_id"]
        let providerID: Int?

        init(reading body: inout JSONObjectBody) {
            providerID = body.integer("provider_id")
        }
    }

    private var routes: OrderRouteRepository { OrderRouteRepository(store: store) }

    /// `?status=open,awarded&q=bakery&reference=AG-…&before=&limit=`: orders newest first, whoever posted them.
    @Sendable func search(_ request: Request, context: AgoraRequestContext) async throws -> OrderListBody {
        var query = try ListQuery(request, allowing: ["status", "q", "reference", "before", "limit"])
        let statuses = query.cases("status", of: OrderStatus.self)
        let reference = query.reference()
        let text = query.text("q", maximumLength: 200)
        let before = query.before()
        let limit = query.limit()
        try query.finish()
        let page = try await OrderRepository(store: store).search(statuses: statuses, reference: reference, text: text, before: before, limit: limit)
        return OrderListBody(orders: page.map(OrderBody.init), nextBefore: page.count == limit ? page.last?.order.id : nil)
    }

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> RoutesBody {
        let order = try await OrderRoutes.visibleOrder(context, store: store)
        return try await body(order.id)
    }

    /// `{"provider_id": id}`: offers the open order to one provider, whatever routing thought of them.
    @Sendable func add(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<RoutesBody> {
        let identity = try context.requireIdentity()
        let order = try await OrderRoutes.visibleOrder(context, store: store)
        let input = try await request.decode(as: OfferInput.self, context: context)
        guard let providerID = input.providerID, let account = try await UserRepository(store: store).find(id: Int64(providerID)), account.userType == .provider else {
            throw ValidationError(field: "provider_id", message: "is not a provider's account")
        }
        guard account.id != order.clientID else { throw ValidationError(field: "provider_id", message: "is the order's own client") }
        let candidate = RoutingCandidate(providerID: account.id, score: 0, reason: "offered by an administrator")
        try await routes.offer(
            orderID: order.id, candidates: [candidate], source: .admin, actorID: identity.userID, auditedAs: try AuditActor(request, context),
            now: clock.now, announce: announcer.offered
        )
        return EditedResponse(status: .created, response: try await self.body(order.id))
    }

    @Sendable func remove(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let order = try await OrderRoutes.visibleOrder(context, store: store)
        let providerID = try context.pathID("providerId", notFound: Problem(status: .notFound, detail: "The order was not offered to this provider."))
        guard try await routes.remove(orderID: order.id, providerID: providerID, by: try AuditActor(request, context), now: clock.now) else {
            throw Problem(status: .notFound, detail: "The order was not offered to this provider.")
        }
        return Response(status: .noContent)
    }

    private func body(_ orderID: Int64) async throws -> RoutesBody {
        RoutesBody(
            routes: try await routes.routes(orderID: orderID).map {
                RouteBody(providerId: $0.providerID, providerName: $0.providerName, batch: $0.batch, source: $0.source.rawValue, score: $0.score,
                          reason: $0.reason, offeredAt: $0.offeredAt, viewedAt: $0.viewedAt, expiredAt: $0.expiredAt,
                          removedAt: $0.removedAt, proposalId: $0.proposalID)
            },
            batches: try await routes.figures(orderID: orderID).map {
                BatchBody(batch: $0.batch, offered: $0.offered, viewed: $0.viewed, proposals: $0.proposals)
            }
        )
    }
}
