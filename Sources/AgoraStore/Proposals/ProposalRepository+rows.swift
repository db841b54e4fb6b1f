import AgoraDomain
import Foundation
import SQLKit

extension ProposalRepository {
    static let columns: SQLQueryString = """
        p.id, p.order_id, p.provider_id, p.message, p.billing, p.weekly_limit_hours, p.price_minor, p.currency, p.timeline_days, p.milestones, p.status,
        p.created_at, p.updated_at, p.moderation_hold,
        (SELECT COUNT(*) FROM proposal_revisions r WHERE r.proposal_id = p.id) AS revision_count
        """

    static func proposal(from row: any SQLRow) throws -> Proposal {
        Proposal(
            id: try row.decode(column: "id", as: Int64.self),
            orderID: try row.decode(column: "order_id", as: Int64.self),
            providerID: try row.decode(column: "provider_id", as: Int64.self),
            terms: try terms(from: row),
            status: ProposalStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .withdrawn,
            revisionCount: try row.decode(column: "revision_count", as: Int.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self),
            moderationHold: try row.decode(column: "moderation_hold", as: Bool.self)
        )
    }

    static func terms(from row: any SQLRow) throws -> ProposalTerms {
        let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
        let milestones = try JSONDecoder().decode(
            [ProposalTerms.Milestone].self, from: Data(try row.decode(column: "milestones", as: String.self).utf8)
        )
        return ProposalTerms(
            message: try row.decode(column: "message", as: String.self),
            billing: try billing(from: row),
            price: Money(minorUnits: try row.decode(column: "price_minor", as: Int64.self), currency: currency),
            timelineDays: try row.decode(column: "timeline_days", as: Int.self),
            milestones: milestones
        )
    }

    /// How the work of a row of proposals, revisions or projects is paid.
    static func billing(from row: any SQLRow) throws -> Billing {
        let kind = try row.decodeState(column: "billing", as: Billing.Kind.self)
        let hours = try row.decodeIfPresent(column: "weekly_limit_hours", as: Int.self)
        guard let billing = Billing(kind: kind, weeklyLimitHours: hours) else {
            throw StoreError.conflict("a stored \(kind.rawValue) billing has a weekly limit of \(hours.map(String.init) ?? "none")")
        }
        return billing
    }

    static func milestonesJSON(_ terms: ProposalTerms) throws -> String {
        String(decoding: try JSONEncoder.sorted.encode(terms.milestones), as: UTF8.self)
    }

    /// Appends the next step of the negotiation.
    static func recordRevision(_ terms: ProposalTerms, proposalID: Int64, party: ProposalStatus.Party, now: Date, on db: any SQLDatabase) async throws {
        let next = try await db.raw("""
            SELECT COALESCE(MAX(number), 0) + 1 AS n FROM proposal_revisions WHERE proposal_id = \(bind: proposalID)
            """).first()?.decode(column: "n", as: Int.self) ?? 1
        try await db.raw("""
            INSERT INTO proposal_revisions (proposal_id, number, party, message, billing, weekly_limit_hours, price_minor, currency, timeline_days,
                milestones, created_at)
            VALUES (\(bind: proposalID), \(bind: next), \(bind: party.rawValue), \(bind: terms.message), \(state: terms.billing.kind),
                    \(bind: terms.billing.weeklyLimitHours), \(bind: terms.price.minorUnits),
                    \(bind: terms.price.currency.code), \(bind: terms.timelineDays), \(bind: try milestonesJSON(terms)), \(bind: now))
            """).run()
    }

    static func find(_ id: Int64, on db: any SQLDatabase) async throws -> Proposal {
        guard let row = try await db.raw("SELECT \(columns) FROM proposals p WHERE p.id = \(bind: id)").first() else {
            throw StoreError.notFound("the proposal")
        }
        return try proposal(from: row)
    }
}
