import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// `/api/orders`: clients post, change, publish and cancel their orders; providers browse the open public ones.
/// An order the asker may not see answers 404, the same as one that does not exist.
struct OrderRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let announcer: OrderAnnouncer
    /// Offers an order to matching providers the moment it opens; if that fails, the routing job does it later.
    let router: OrderRouter
    /// The category tree search keeps (read again every minute), for names and subcategories.
    let categoryTree: RefreshingValue<CategoryTree>
    /// Counts the orders each client posts (`RateLimit.orderPosting`).
    let limiter: RateLimiter
    /// What moderation screens new text with.
    let settings: LivePlatformSettings

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        let group = signedIn.group("orders")
        group.post(use: create)
        group.get(use: mine)
        group.get("open", use: open)
        group.get("{id}", use: show)
        group.patch("{id}", use: update)
        group.post("{id}/publish", use: publish)
        group.post("{id}/cancel", use: cancel)
    }

    private var orders: OrderRepository { OrderRepository(store: store) }

    /// Creates an order, open at once unless `draft` is true, and offered to the providers named in `invite`.
    /// Clients only.
    @Sendable func create(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<OrderBody> {
        let identity = try context.requireIdentity()
        guard identity.role == .client else { throw Problem.forbidden("Only client accounts post orders.") }
        let input = try await request.decode(as: NewOrderInput.self, context: context)
        let details = try OrderDetails(input.order.applied(), now: clock.now)
        try await limiter.hit(.orderPosting, key: String(identity.userID))
        let order = try await orders.create(
            details, clientID: identity.userID, invited: input.invited, publish: !input.draft,
            intake: Self.intake(details, settings: settings.current), now: clock.now, announce: announcer.created
        )
        if order.status == .open { await route(order, context: context) }
        return EditedResponse(
            status: .created, headers: [.location: "/api/orders/\(order.id)"], response: try await orderBody(of: order, full: true)
        )
    }

    /// The signed-in client's orders, newest first: `status` (comma-separated), `reference` (as typed: a mistyped
    /// one is an error, not an empty list), `before`, `limit`.
    @Sendable func mine(_ request: Request, context: AgoraRequestContext) async throws -> OrderListBody {
        let identity = try context.requireIdentity()
        var query = try ListQuery(request, allowing: ["status", "reference", "before", "limit"])
        let statuses = query.cases("status", of: OrderStatus.self)
        let reference = query.reference()
        let before = query.before()
        let limit = query.limit()
        try query.finish()
        let page = try await orders.list(clientID: identity.userID, statuses: statuses, reference: reference, before: before, limit: limit)
        return OrderListBody(orders: page.map(OrderBody.init), nextBefore: page.count == limit ? page.last?.order.id : nil)
    }

    /// Open public orders for providers to browse: `category` (a slug; its subcategories count), `before`, `limit`.
    @Sendable func open(_ request: Request, context: AgoraRequestContext) async throws -> OrderListBody {
        let identity = try context.requireIdentity()
        guard identity.role == .provider || identity.role == .admin else {
            throw Problem.forbidden("Open orders are listed for providers.")
        }
        var query = try ListQuery(request, allowing: ["category", "before", "limit"])
        let before = query.before()
        let limit = query.limit()
        try query.finish()
        var categories: [Int64]?
        if let slug = query.text("category") {
            let tree = try await categoryTree.get()
            guard let category = tree.all.first(where: { $0.slug.value == slug }) else {
                throw Problem.invalidQuery([FieldError(field: "category", message: "is not a category")])
            }
            categories = tree.all.filter { tree.countingCategories(of: $0.id).contains(category.id) }.map(\.id)
        }
        let page = try await orders.openOrders(excludingClient: identity.userID, inCategories: categories, before: before, limit: limit)
        return OrderListBody(orders: page.map(OrderBody.init), nextBefore: page.count == limit ? page.last?.order.id : nil)
    }

    /// One order, for anyone `OrderAccess` lets see it; its history for the client and administrators.
    @Sendable func show(_ request: Request, context: AgoraRequestContext) async throws -> OrderBody {
        let identity = try context.requireIdentity()
        let order = try await Self.visibleOrder(context, store: store)
        if identity.role == .provider, identity.viewedBy == nil { try await OrderRouteRepository(store: store).markViewed(orderID: order.id, providerID: identity.userID, now: clock.now) }
        let full = order.clientID == identity.userID || identity.role == .admin
        let project = try await ProjectRepository(store: store).projectID(ofOrder: order.id, for: identity.userID)
        return try await orderBody(of: order, full: full, project: project)
    }

    /// Changes any of the order's fields while it is a draft or open; the others keep their values.
    @Sendable func update(_ request: Request, context: AgoraRequestContext) async throws -> OrderBody {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.notFound)
        guard let current = try await orders.find(id), current.clientID == identity.userID else { throw Self.notFound }
        let changes = try await request.decode(as: OrderChanges.self, context: context)
        let details = try OrderDetails(changes.applied(over: OrderDetails.Input(current.details)), now: clock.now)
        let order = try await orders.update(
            id, clientID: identity.userID, with: details, intake: Self.intake(details, settings: settings.current), now: clock.now
        )
        return try await orderBody(of: order, full: true)
    }

    /// What moderation reads of an order: its title and description.
    static func intake(_ details: OrderDetails, settings: PlatformSettings) -> ContentIntake {
        ContentIntake(.order, text: details.title + "\n\n" + details.description, settings: settings)
    }

    @Sendable func publish(_ request: Request, context: AgoraRequestContext) async throws -> OrderBody {
        try await move(to: .open, context: context)
    }

    @Sendable func cancel(_ request: Request, context: AgoraRequestContext) async throws -> OrderBody {
        try await move(to: .cancelled, context: context)
    }

    private func move(to next: OrderStatus, context: AgoraRequestContext) async throws -> OrderBody {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.notFound)
        let order = try await orders.move(id, clientID: identity.userID, to: next, now: clock.now, announce: announcer.moved)
        if order.status == .open { await route(order, context: context) }
        return try await orderBody(of: order, full: true)
    }

    /// Routes an order that just opened. The order is already committed: a failure here is logged, and the
    /// routing job offers it on its next pass.
    private func route(_ order: Order, context: AgoraRequestContext) async {
        let started = ContinuousClock.now
        do {
            let offered = try await router.routeNextBatch(orderID: order.id, now: clock.now)
            context.logger.info("order routed", metadata: [
                "order_id": "\(order.id)", "offered": "\(offered)",
                "ms": "\(String(format: "%.1f", (ContinuousClock.now - started).milliseconds))",
            ])
        } catch {
            context.logger.warning("order \(order.id): routing failed, left to the routing job: \(error)")
        }
    }

    static let notFound = Problem(status: .notFound, detail: "No order has this id.")

    /// The order in the path when the asker may see it; otherwise the same 404 as for an order that does not exist.
    static func visibleOrder(_ context: AgoraRequestContext, store: Store) async throws -> Order {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: notFound)
        let repository = OrderRepository(store: store)
        guard let relation = try await repository.relation(of: id, to: identity.userID),
              OrderAccess.canView(relation, viewer: OrderAccess.Viewer(userID: identity.userID, role: identity.role)),
              let order = try await repository.find(id)
        else { throw notFound }
        return order
    }

    /// The order with its category, its files, and (when `full`) its history.
    /// The order as its page shows it; `project` is the project it became, when the asker is one of its members.
    func orderBody(of order: Order, full: Bool, project: Int64? = nil) async throws -> OrderBody {
        let category = try await categoryTree.get().category(id: order.details.categoryID)
        let repository = OrderRepository(store: store)
        return OrderBody(
            order, category: category.map { ($0.name, $0.slug.value) },
            events: full ? try await repository.events(of: order.id) : nil,
            files: try await OrderFileRepository(store: store).list(orderID: order.id),
            client: try await ClientIdentityRepository(store: store).identities(of: [order.clientID])[order.clientID],
            projectURL: project.map(PagePaths.project)
        )
    }
}
