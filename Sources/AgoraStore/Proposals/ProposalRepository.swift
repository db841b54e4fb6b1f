import AgoraDomain
import Foundation
import SQLKit

/// Proposals and their negotiation. Every step locks the order first, checks the move with `ProposalStatus` and
/// `OrderAccess` inside the transaction, and writes the revision, the history entry and the announcements with it:
/// a replayed or raced request finds the state the first one left and is refused, never applied twice.
public struct ProposalRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// A provider's first offer on an order. Refused when the provider may not propose on it (not found when they
    /// may not even see it), or already has a live proposal on it. Moderation screens its message (`intake`); the
    /// client is told of it unless moderation holds it.
    public func submit(
        orderID: Int64, providerID: Int64, terms: ProposalTerms, intake: ContentIntake, now: Date,
        announce: @escaping @Sendable (Order, Proposal, Recipient) throws -> Announcements
    ) async throws -> Proposal {
        try await store.uniqueOrConflict("you already have an open proposal on this order") {
            try await store.transaction { [store] db in
                let order = try await OrderRepository.locked(orderID, on: db)
                guard let relation = try await OrderRepository.relation(of: orderID, to: providerID, on: db) else {
                    throw StoreError.notFound("the order")
                }
                let viewer = OrderAccess.Viewer(userID: providerID, role: .provider)
                guard OrderAccess.canView(relation, viewer: viewer) else { throw StoreError.notFound("the order") }
                guard OrderAccess.canPropose(relation, viewer: viewer) else {
                    throw StatusTransitionError(order.clientID == providerID
                        ? "you cannot propose on your own order"
                        : "an order that is \(order.status.label) takes no proposals")
                }
                guard terms.price.currency == order.details.budgetMinimum.currency else {
                    throw ValidationError(field: "currency", message: "must be the order's currency, \(order.details.budgetMinimum.currency.code)")
                }
                if try await db.raw("""
                    SELECT id FROM proposals WHERE order_id = \(bind: orderID) AND provider_id = \(bind: providerID)
                        AND status IN (\(states: ProposalStatus.live))
                    """).first() != nil {
                    throw StoreError.conflict("you already have an open proposal on this order")
                }
                guard let row = try await db.raw("""
                    INSERT INTO proposals (order_id, provider_id, message, billing, weekly_limit_hours, price_minor, currency, timeline_days, milestones,
                        status, created_at, updated_at)
                    VALUES (\(bind: orderID), \(bind: providerID), \(bind: terms.message), \(state: terms.billing.kind),
                            \(bind: terms.billing.weeklyLimitHours), \(bind: terms.price.minorUnits), \(bind: terms.price.currency.code),
                            \(bind: terms.timelineDays), \(bind: try Self.milestonesJSON(terms)), \(state: ProposalStatus.submitted), \(bind: now), \(bind: now))
                    RETURNING id
                    """).first() else { throw StoreError.conflict("the proposal was not saved") }
                let id = try row.decode(column: "id", as: Int64.self)
                try await Self.recordRevision(terms, proposalID: id, party: .provider, now: now, on: db)
                try await ProviderRecord.proposalSent(by: providerID, now: now, on: db, engine: store.engine)
                try await OrderRepository.record(.proposalReceived, orderID: orderID, actorID: providerID, detail: ["proposal_id": String(id)], now: now, on: db)
                try await ModerationRepository.intake(intake, subjectID: id, authorID: providerID, now: now, on: db)
                let proposal = try await Self.find(id, on: db)
                guard !proposal.moderationHold else { return proposal }
                guard let client = try await NotificationRepository.recipients([order.clientID], on: db)[order.clientID] else {
                    throw StoreError.notFound("the client")
                }
                try await NotificationRepository.write(try announce(order, proposal, client), store: store, on: db, now: now)
                return proposal
            }
        }
    }

    public func find(_ id: Int64) async throws -> Proposal? {
        try await store.sql.raw("SELECT \(Self.columns) FROM proposals p WHERE p.id = \(bind: id)").first().map(Self.proposal(from:))
    }

    /// The proposals on an order, with each provider's record, sorted for comparison; only `providerID`'s when given.
    public func comparison(orderID: Int64, providerID: Int64?, sort: ProposalSort) async throws -> [ProposalComparison] {
        let order: SQLQueryString = switch sort {
        case .newest: "p.created_at DESC, p.id DESC"
        case .price: "p.price_minor, p.id"
        case .timeline: "p.timeline_days, p.id"
        case .rating: "COALESCE(s.rating_bound, 0) DESC, COALESCE(s.rating_count, 0) DESC, p.id"
        case .experience: "COALESCE(s.completed_projects, 0) DESC, p.id"
        }
        let mine: SQLQueryString = providerID.map { "AND p.provider_id = \(bind: $0)" } ?? ""
        return try await store.sql.raw("""
            SELECT \(Self.columns), u.first_name, u.last_name, pr.slug, pr.photo_key, pr.photo_side,
                s.rating_average, s.rating_count, s.completed_projects, s.response_time_minutes
            FROM proposals p JOIN users u ON u.id = p.provider_id
            LEFT JOIN user_profiles pr ON pr.user_id = p.provider_id AND pr.published = TRUE
            LEFT JOIN user_statistics s ON s.user_id = p.provider_id
            WHERE p.order_id = \(bind: orderID) \(mine)
            ORDER BY \(order)
            """).all().map { row in
            let count = try row.decodeIfPresent(column: "rating_count", as: Int.self) ?? 0
            return ProposalComparison(
                proposal: try Self.proposal(from: row),
                providerName: "\(try row.decode(column: "first_name", as: String.self)) \(try row.decode(column: "last_name", as: String.self))",
                providerSlug: try row.decodeIfPresent(column: "slug", as: String.self),
                providerPhoto: try ProfileRepository.photo(from: row),
                ratingAverage: count > 0 ? try row.decodeIfPresent(column: "rating_average", as: Double.self) : nil,
                ratingCount: count,
                completedProjects: try row.decodeIfPresent(column: "completed_projects", as: Int.self) ?? 0,
                responseTimeMinutes: try row.decodeIfPresent(column: "response_time_minutes", as: Int.self)
            )
        }
    }

    /// Every step of a proposal's negotiation, oldest first.
    public func revisions(of proposalID: Int64) async throws -> [ProposalRevision] {
        try await store.sql.raw("""
            SELECT number, party, message, billing, weekly_limit_hours, price_minor, currency, timeline_days, milestones, created_at
            FROM proposal_revisions WHERE proposal_id = \(bind: proposalID) ORDER BY number
            """).all().map { row in
            ProposalRevision(
                number: try row.decode(column: "number", as: Int.self),
                party: ProposalStatus.Party(rawValue: try row.decode(column: "party", as: String.self)) ?? .provider,
                terms: try Self.terms(from: row),
                createdAt: try row.decode(column: "created_at", as: Date.self)
            )
        }
    }

    /// A step of the negotiation by one party: a counter-offer (client), a revision (provider), a rejection
    /// (client) or a withdrawal (provider). New terms come with counters and revisions only. `announce` is given
    /// the order, the proposal after the step and the other party.
    public func step(
        _ proposalID: Int64, by party: ProposalStatus.Party, userID: Int64, to next: ProposalStatus, terms: ProposalTerms?,
        now: Date, announce: @escaping @Sendable (Order, Proposal, Recipient) throws -> Announcements
    ) async throws -> Proposal {
        try await store.transaction { [store] db in
            let (order, current) = try await Self.lockedForParty(proposalID, party: party, userID: userID, on: db)
            let status = try current.status.moving(to: next, by: party)
            if next.isLive, order.status != .open {
                throw StatusTransitionError("an order that is \(order.status.label) takes no more offers")
            }
            if let terms {
                guard terms.price.currency == current.terms.price.currency else {
                    throw ValidationError(field: "currency", message: "must be the order's currency, \(current.terms.price.currency.code)")
                }
                try await db.raw("""
                    UPDATE proposals SET message = \(bind: terms.message), billing = \(state: terms.billing.kind),
                        weekly_limit_hours = \(bind: terms.billing.weeklyLimitHours), price_minor = \(bind: terms.price.minorUnits),
                        timeline_days = \(bind: terms.timelineDays), milestones = \(bind: try Self.milestonesJSON(terms))
                    WHERE id = \(bind: proposalID)
                    """).run()
                try await Self.recordRevision(terms, proposalID: proposalID, party: party, now: now, on: db)
            }
            try await db.raw("""
                UPDATE proposals SET status = \(bind: status.rawValue), updated_at = \(bind: now) WHERE id = \(bind: proposalID)
                """).run()
            let kind: OrderEvent.Kind = switch status {
            case .countered: .proposalCountered
            case .revised: .proposalRevised
            case .withdrawn: .proposalWithdrawn
            default: .proposalRejected
            }
            try await OrderRepository.record(kind, orderID: order.id, actorID: userID, detail: ["proposal_id": String(proposalID)], now: now, on: db)
            let proposal = try await Self.find(proposalID, on: db)
            let otherID = party == .client ? current.providerID : order.clientID
            guard let other = try await NotificationRepository.recipients([otherID], on: db)[otherID] else { throw StoreError.notFound("the other party") }
            try await NotificationRepository.write(try announce(order, proposal, other), store: store, on: db, now: now)
            return proposal
        }
    }

    /// Withdraws every live proposal of the providers the platform keeps out, on their behalf (the
    /// provider's own move, `ProposalStatus.moving`), each recorded in its order's history with the reason.
    static func withdrawLive(of providerIDs: [Int64], because reason: String, now: Date, on db: any SQLDatabase) async throws {
        guard !providerIDs.isEmpty else { return }
        let live = try await db.raw("""
            SELECT id, order_id, status FROM proposals WHERE provider_id IN (\(binds: providerIDs)) AND status IN (\(states: ProposalStatus.live))
            """).all()
        for row in live {
            let id = try row.decode(column: "id", as: Int64.self)
            guard let status = ProposalStatus(rawValue: try row.decode(column: "status", as: String.self)) else { continue }
            let next = try status.moving(to: .withdrawn, by: .provider)
            try await db.raw("UPDATE proposals SET status = \(bind: next.rawValue), updated_at = \(bind: now) WHERE id = \(bind: id)").run()
            try await OrderRepository.record(
                .proposalWithdrawn, orderID: try row.decode(column: "order_id", as: Int64.self), actorID: nil,
                detail: ["proposal_id": String(id), "reason": reason], now: now, on: db
            )
        }
    }

    /// Accepts a proposal in one transaction: the proposal is accepted, every other live one on the order rejected,
    /// the order awarded and the project created. Two acceptances racing end with exactly one: the second finds the
    /// order awarded (the order row is locked first; the unique indexes on accepted proposals and on projects per
    /// order are the last word).
    public func accept(
        _ proposalID: Int64, clientID: Int64, now: Date, announce: @escaping @Sendable (Acceptance) throws -> Announcements
    ) async throws -> Acceptance {
        try await store.uniqueOrConflict("another proposal on this order was accepted first") {
            try await store.transaction { [store] db in
                let (order, current) = try await Self.lockedForParty(proposalID, party: .client, userID: clientID, on: db)
                let awarded = try order.status.moving(to: .awarded)
                _ = try current.status.moving(to: .accepted, by: .client)
                try await db.raw("UPDATE proposals SET status = \(state: ProposalStatus.accepted), updated_at = \(bind: now) WHERE id = \(bind: proposalID)").run()
                let rejectedIDs = try await db.raw("""
                    UPDATE proposals SET status = \(state: ProposalStatus.rejected), updated_at = \(bind: now)
                    WHERE order_id = \(bind: order.id) AND id <> \(bind: proposalID) AND status IN (\(states: ProposalStatus.live))
                    RETURNING provider_id
                    """).all().map { try $0.decode(column: "provider_id", as: Int64.self) }
                let started = try awarded.moving(to: .inProgress)
                try await db.raw("UPDATE orders SET status = \(state: started), updated_at = \(bind: now) WHERE id = \(bind: order.id)").run()
                let project = try await ProjectRepository.start(order: order, proposal: current, now: now, on: db)
                try await OrderRepository.record(
                    .awarded, orderID: order.id, actorID: clientID,
                    detail: ["proposal_id": String(proposalID), "project_id": String(project.id)], now: now, on: db
                )
                try await OrderRepository.record(.started, orderID: order.id, actorID: nil, detail: ["project_id": String(project.id)], now: now, on: db)
                let people = try await NotificationRepository.recipients([current.providerID] + rejectedIDs, on: db)
                guard let provider = people[current.providerID] else { throw StoreError.notFound("the provider") }
                let acceptance = Acceptance(
                    order: try await OrderRepository.find(order.id, on: db), proposal: try await Self.find(proposalID, on: db),
                    project: project, provider: provider, rejected: rejectedIDs.compactMap { people[$0] }
                )
                try await NotificationRepository.write(try announce(acceptance), store: store, on: db, now: now)
                return acceptance
            }
        }
    }

    // MARK: Inside a transaction

    /// The proposal and its order (locked), when `userID` is the party: the order's client, or the proposal's
    /// provider. Anyone else finds nothing.
    static func lockedForParty(_ proposalID: Int64, party: ProposalStatus.Party, userID: Int64, on db: any SQLDatabase) async throws -> (Order, Proposal) {
        guard let orderRow = try await db.raw("SELECT order_id FROM proposals WHERE id = \(bind: proposalID)").first() else {
            throw StoreError.notFound("the proposal")
        }
        let order = try await OrderRepository.locked(try orderRow.decode(column: "order_id", as: Int64.self), on: db)
        let proposal = try await find(proposalID, on: db)
        let isParty = switch party {
        case .client: order.clientID == userID
        case .provider: proposal.providerID == userID
        }
        guard isParty else { throw StoreError.notFound("the proposal") }
        return (order, proposal)
    }
}
