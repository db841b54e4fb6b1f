import AgoraDomain
import Foundation
import SQLKit

/// What the queue page asks for.
public struct ModerationQuery: Sendable, Hashable {
    public enum Order: String, Sendable, CaseIterable {
        /// The highest score first.
        case score
        /// The longest waiting first.
        case oldest
    }

    public var statuses: [ModerationStatus] = ModerationStatus.waiting
    public var subject: ModerationSubject?
    public var kind: FlagKind?
    /// Only items nobody claims, or that `staffID` claims.
    public var claimable: Bool = false
    public var order: Order = .score

    public init() {}
}

extension ModerationRepository {
    /// Items matching `query`, a page at a time (`offset` items skipped).
    public func queue(_ query: ModerationQuery, staffID: Int64, now: Date, offset: Int, limit: Int) async throws -> [ModerationItem] {
        var conditions: [SQLQueryString] = ["i.status IN (\(states: query.statuses))"]
        if let subject = query.subject { conditions.append("i.subject = \(bind: subject.rawValue)") }
        if let kind = query.kind {
            conditions.append("EXISTS (SELECT 1 FROM moderation_flags f WHERE f.item_id = i.id AND f.kind = \(bind: kind.rawValue))")
        }
        if query.claimable {
            conditions.append("""
                (i.claimed_by IS NULL OR i.claimed_by = \(bind: staffID) OR i.claimed_at < \(bind: now.addingTimeInterval(-Self.claimLifetime)))
                """)
        }
        let order: SQLQueryString = query.order == .score ? "i.score DESC, i.created_at, i.id" : "i.created_at, i.id"
        return try await store.sql.raw("""
            SELECT \(Self.columns) FROM moderation_items i WHERE \(conditions.joined(separator: " AND "))
            ORDER BY \(order) LIMIT \(bind: limit) OFFSET \(bind: offset)
            """).all().map(Self.item(from:))
    }

    /// One item with its flags, oldest first, and its appeal.
    public func detail(_ id: Int64) async throws -> (item: ModerationItem, flags: [ModerationFlag], appeal: ModerationAppeal?)? {
        guard let item = try await Self.find(id, on: store.sql) else { return nil }
        let flags = try await store.sql.raw("""
            SELECT id, kind, reporter_id, reason, detail, weight, upheld, created_at FROM moderation_flags WHERE item_id = \(bind: id) ORDER BY id
            """).all().map { row in
            ModerationFlag(
                id: try row.decode(column: "id", as: Int64.self),
                kind: FlagKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .report,
                reporterID: try row.decodeIfPresent(column: "reporter_id", as: Int64.self),
                reason: try row.decode(column: "reason", as: String.self), detail: try row.decode(column: "detail", as: String.self),
                weight: try row.decode(column: "weight", as: Int.self), upheld: try row.decodeIfPresent(column: "upheld", as: Bool.self),
                createdAt: try row.decode(column: "created_at", as: Date.self)
            )
        }
        return (item, flags, try await Self.appeal(of: id, on: store.sql))
    }

    /// The items whose content `authorID` wrote that were decided against them, newest first: what they may appeal.
    public func decisions(about authorID: Int64, limit: Int = 50) async throws -> [(item: ModerationItem, appeal: ModerationAppeal?)] {
        var found: [(ModerationItem, ModerationAppeal?)] = []
        for item in try await store.sql.raw("""
            SELECT \(Self.columns) FROM moderation_items i
            WHERE i.author_id = \(bind: authorID) AND i.decision IN (\(states: ModerationDecision.allCases.filter(\.isAgainstAuthor)))
            ORDER BY i.decided_at DESC LIMIT \(bind: limit)
            """).all().map(Self.item(from:)) {
            found.append((item, try await Self.appeal(of: item.id, on: store.sql)))
        }
        return found
    }

    static let columns: SQLQueryString = """
        i.id, i.subject, i.subject_id, i.author_id, i.excerpt, i.status, i.score, i.held, i.claimed_by, i.claimed_at, i.escalated_at,
        i.escalation_reason, i.decision, i.decision_reason, i.decided_by, i.decided_at, i.created_at, i.updated_at
        """

    static func find(_ id: Int64, on db: any SQLDatabase) async throws -> ModerationItem? {
        try await db.raw("SELECT \(columns) FROM moderation_items i WHERE i.id = \(bind: id)").first().map(item(from:))
    }

    static func item(from row: any SQLRow) throws -> ModerationItem {
        ModerationItem(
            id: try row.decode(column: "id", as: Int64.self),
            subject: ModerationSubject(rawValue: try row.decode(column: "subject", as: String.self)) ?? .order,
            subjectID: try row.decode(column: "subject_id", as: Int64.self),
            authorID: try row.decodeIfPresent(column: "author_id", as: Int64.self),
            excerpt: try row.decode(column: "excerpt", as: String.self),
            status: ModerationStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending,
            score: try row.decode(column: "score", as: Int.self),
            held: try row.decode(column: "held", as: Bool.self),
            claimedBy: try row.decodeIfPresent(column: "claimed_by", as: Int64.self),
            claimedAt: try row.decodeIfPresent(column: "claimed_at", as: Date.self),
            escalatedAt: try row.decodeIfPresent(column: "escalated_at", as: Date.self),
            escalationReason: try row.decode(column: "escalation_reason", as: String.self),
            decision: try row.decodeIfPresent(column: "decision", as: String.self).flatMap(ModerationDecision.init(rawValue:)),
            decisionReason: try row.decode(column: "decision_reason", as: String.self),
            decidedBy: try row.decodeIfPresent(column: "decided_by", as: Int64.self),
            decidedAt: try row.decodeIfPresent(column: "decided_at", as: Date.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self)
        )
    }

    static func appeal(of itemID: Int64, on db: any SQLDatabase) async throws -> ModerationAppeal? {
        try await db.raw("""
            SELECT id, appellant_id, statement, outcome, reason, decided_by, created_at, decided_at FROM moderation_appeals WHERE item_id = \(bind: itemID)
            """).first().map { row in
            ModerationAppeal(
                id: try row.decode(column: "id", as: Int64.self), appellantID: try row.decodeIfPresent(column: "appellant_id", as: Int64.self),
                statement: try row.decode(column: "statement", as: String.self),
                outcome: try row.decodeIfPresent(column: "outcome", as: String.self).flatMap(AppealOutcome.init(rawValue:)),
                reason: try row.decode(column: "reason", as: String.self), decidedBy: try row.decodeIfPresent(column: "decided_by", as: Int64.self),
                createdAt: try row.decode(column: "created_at", as: Date.self), decidedAt: try row.decodeIfPresent(column: "decided_at", as: Date.self)
            )
        }
    }
}
