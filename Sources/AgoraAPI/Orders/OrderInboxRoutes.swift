import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/orders/inbox`: the signed-in provider's offered orders and the orders they proposed on.
struct OrderInboxRoutes: Sendable {
    let store: Store

    struct EntryBody: Encodable {
        let order: OrderBody
        let offeredAt: Date?
        let reason: String?
        let viewedAt: Date?
        let proposalId: Int64?
        let proposalStatus: String?
    }

    struct ListBody: ResponseEncodable {
        let entries: [EntryBody]
        let nextBefore: Int64?
    }

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.get("orders/inbox", use: inbox)
    }

    @Sendable func inbox(_ request: Request, context: AgoraRequestContext) async throws -> ListBody {
        let identity = try context.requireIdentity()
        guard identity.role == .provider else { throw Problem.forbidden("The inbox lists the orders offered to a provider.") }
        var query = try ListQuery(request, allowing: ["before", "limit"])
        let before = query.before()
        let limit = query.limit()
        try query.finish()
        let entries = try await OrderRouteRepository(store: store).inbox(providerID: identity.userID, before: before, limit: limit)
        let clients = try await ClientIdentityRepository(store: store).identities(of: entries.map(\.summary.order.clientID))
        return ListBody(
            entries: entries.map {
                EntryBody(order: OrderBody($0.summary, client: clients[$0.summary.order.clientID]), offeredAt: $0.offeredAt, reason: $0.reason, viewedAt: $0.viewedAt,
                          proposalId: $0.proposalID, proposalStatus: $0.proposalStatus)
            },
            nextBefore: entries.count == limit ? entries.last?.summary.order.id : nil
        )
    }
}
