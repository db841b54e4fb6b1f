import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// Proposals: providers propose on orders they may see, the client compares them, and both negotiate until the
/// client accepts one. A proposal the asker is not a party to answers 404, the same as one that does not exist.
struct ProposalRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let announcer: OrderAnnouncer
    /// Counts the proposals each provider sends (`RateLimit.proposalSending`).
    let limiter: RateLimiter
    /// What moderation screens new text with.
    let settings: LivePlatformSettings

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.post("orders/{id}/proposals", use: submit)
        signedIn.get("orders/{id}/proposals", use: list)
        let group = signedIn.group("proposals")
        group.get("{id}", use: show)
        group.post("{id}/counter", use: counter)
        group.post("{id}/revise", use: revise)
        group.post("{id}/withdraw", use: withdraw)
        group.post("{id}/reject", use: reject)
        group.post("{id}/accept", use: accept)
    }

    private var proposals: ProposalRepository { ProposalRepository(store: store) }

    /// A provider's offer on an order they may see. Providers only; one live proposal per order.
    @Sendable func submit(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<ProposalBody> {
        let identity = try context.requireIdentity()
        let order = try await OrderRoutes.visibleOrder(context, store: store)
        guard identity.role == .provider else { throw Problem.forbidden("Only provider accounts send proposals.") }
        let terms = try await Self.terms(request, context: context, currency: order.details.budgetMinimum.currency)
        try await limiter.hit(.proposalSending, key: String(identity.userID))
        let proposal = try await proposals.submit(
            orderID: order.id, providerID: identity.userID, terms: terms,
            intake: ContentIntake(.proposal, text: terms.message, settings: settings.current), now: clock.now, announce: announcer.proposalReceived
        )
        return EditedResponse(status: .created, headers: [.location: "/api/proposals/\(proposal.id)"], response: ProposalBody(proposal))
    }

    /// The proposals on an order: every one, with each provider's record, for its client (and administrators),
    /// sorted by `sort` (newest, price, timeline, rating, experience); only their own for a provider.
    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> ProposalListBody {
        let identity = try context.requireIdentity()
        let order = try await OrderRoutes.visibleOrder(context, store: store)
        var query = try ListQuery(request, allowing: ["sort"])
        let sort = query.choice("sort", default: ProposalSort.newest)
        try query.finish()
        let seesAll = order.clientID == identity.userID || identity.role == .admin
        let found = try await proposals.comparison(orderID: order.id, providerID: seesAll ? nil : identity.userID, sort: sort)
        // A proposal moderation holds is for its provider and staff only.
        let shown = identity.role == .admin ? found : found.filter { !$0.proposal.moderationHold || $0.proposal.providerID == identity.userID }
        let prior = try await ReviewRepository(store: store).ratingPrior()
        return ProposalListBody(proposals: shown.map { ProposalBody($0, prior: prior) })
    }

    /// One proposal with every step of its negotiation, for its provider and the order's client.
    @Sendable func show(_ request: Request, context: AgoraRequestContext) async throws -> ProposalBody {
        let (proposal, _) = try await party(context)
        return ProposalBody(proposal, revisions: try await proposals.revisions(of: proposal.id))
    }

    /// The client's counter-offer: new terms for the provider to answer.
    @Sendable func counter(_ request: Request, context: AgoraRequestContext) async throws -> ProposalBody {
        try await step(request, context: context, by: .client, to: .countered, withTerms: true)
    }

    /// The provider's new terms, in answer to a counter-offer or on their own.
    @Sendable func revise(_ request: Request, context: AgoraRequestContext) async throws -> ProposalBody {
        try await step(request, context: context, by: .provider, to: .revised, withTerms: true)
    }

    @Sendable func withdraw(_ request: Request, context: AgoraRequestContext) async throws -> ProposalBody {
        try await step(request, context: context, by: .provider, to: .withdrawn, withTerms: false)
    }

    @Sendable func reject(_ request: Request, context: AgoraRequestContext) async throws -> ProposalBody {
        try await step(request, context: context, by: .client, to: .rejected, withTerms: false)
    }

    /// Accepts the terms on the table: the order is awarded, the other proposals rejected, the project created.
    @Sendable func accept(_ request: Request, context: AgoraRequestContext) async throws -> AcceptanceBody {
        let identity = try context.requireIdentity()
        let (proposal, _) = try await party(context)
        let acceptance = try await proposals.accept(proposal.id, clientID: identity.userID, now: clock.now, announce: announcer.accepted)
        return AcceptanceBody(acceptance)
    }

    private func step(
        _ request: Request, context: AgoraRequestContext, by party: ProposalStatus.Party, to next: ProposalStatus, withTerms: Bool
    ) async throws -> ProposalBody {
        let identity = try context.requireIdentity()
        let (current, _) = try await self.party(context)
        let terms = withTerms ? try await Self.terms(request, context: context, currency: current.terms.price.currency) : nil
        let proposal = try await proposals.step(
            current.id, by: party, userID: identity.userID, to: next, terms: terms, now: clock.now, announce: announcer.proposalStep
        )
        return ProposalBody(proposal)
    }

    /// The proposal in the path when the asker is its provider or the order's client (or an administrator, to read);
    /// while moderation holds it, not the client.
    private func party(_ context: AgoraRequestContext) async throws -> (Proposal, Order) {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.notFound)
        guard let proposal = try await proposals.find(id), let order = try await OrderRepository(store: store).find(proposal.orderID),
              proposal.providerID == identity.userID || (order.clientID == identity.userID && !proposal.moderationHold) || identity.role == .admin
        else { throw Self.notFound }
        return (proposal, order)
    }

    static func terms(_ request: Request, context: AgoraRequestContext, currency: CurrencyCode) async throws -> ProposalTerms {
        try ProposalTerms(try await request.decode(as: TermsInput.self, context: context).terms, currency: currency)
    }

    static let notFound = Problem(status: .notFound, detail: "No proposal has this id.")
}
