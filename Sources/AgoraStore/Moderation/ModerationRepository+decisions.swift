import AgoraDomain
import Foundation
import SQLKit

/// A moderator's decision, as the queue page sends it.
public struct ModerationVerdict: Sendable, Hashable {
    public let decision: ModerationDecision
    public let reason: String
    /// The corrected text, for `edit`.
    public let replacement: String?
    /// The suspension's length in days, for `suspend`.
    public let days: Int?

    public init(decision: ModerationDecision, reason: String, replacement: String? = nil, days: Int? = nil) {
        self.decision = decision
        self.reason = reason
        self.replacement = replacement
        self.days = days
    }
}

extension ModerationRepository {
    /// Claims an item for `actor` so that no other moderator decides it meanwhile (`claimLifetime`); a claim held
    /// by someone else is a `conflict`. `nil` when there is no such item.
    public func claim(_ id: Int64, by staffID: Int64, now: Date) async throws -> ModerationItem? {
        try await store.transaction { db in
            guard let item = try await Self.find(id, on: db) else { return nil }
            guard ModerationStatus.waiting.contains(item.status) else { throw StoreError.conflict("this item is decided already") }
            guard item.isClaimable(by: staffID, now: now) else { throw StoreError.conflict("another moderator is deciding this item") }
            try await db.raw("""
                UPDATE moderation_items SET claimed_by = \(bind: staffID), claimed_at = \(bind: now) WHERE id = \(bind: id)
                """).run()
            return try await Self.find(id, on: db)
        }
    }

    /// Lets go of one's own claim.
    public func release(_ id: Int64, by staffID: Int64) async throws {
        try await store.sql.raw("UPDATE moderation_items SET claimed_by = NULL, claimed_at = NULL WHERE id = \(bind: id) AND claimed_by = \(bind: staffID)").run()
    }

    /// Decides an item the actor claims (or that nobody claims): the content shows again or stays hidden, is edited,
    /// its testimonial unpublished, its author suspended; the flags are marked upheld or dismissed (the reporters'
    /// record); the item is audited; `tell` writes to the author when the decision goes against them. Escalated
    /// items need `mayDecideEscalated`.
    public func decide(
        _ id: Int64, _ verdict: ModerationVerdict, by actor: AuditActor, mayDecideEscalated: Bool, now: Date,
        tell: @escaping Tell, suspensionTell: @escaping SuspensionRepository.Tell
    ) async throws -> ModerationItem? {
        try await store.inTransaction { [store] transaction in
            let db = transaction.sql
            guard let item = try await Self.find(id, on: db) else { return nil }
            guard item.status != .escalated || mayDecideEscalated else {
                throw StoreError.conflict("an administrator decides escalated items")
            }
            guard item.isClaimable(by: actor.userID, now: now) else { throw StoreError.conflict("another moderator is deciding this item") }
            let status = try item.status.moving(to: .decided)
            switch verdict.decision {
            case .edit:
                try await ModeratedContent.replaceText(item.subject, id: item.subjectID, with: verdict.replacement ?? "", now: now, on: db)
            case .remove:
                try await ModeratedContent.remove(item.subject, id: item.subjectID, now: now, on: db)
            case .suspend:
                try await ModeratedContent.remove(item.subject, id: item.subjectID, now: now, on: db)
                if let authorID = item.authorID {
                    let decision = try SuspensionDecision(kind: SuspensionKind.suspension.rawValue, reason: verdict.reason, days: verdict.days)
                    _ = try await SuspensionRepository.suspend(authorID, decision, by: actor, now: now, tell: suspensionTell, store: store, in: transaction)
                }
            case .approve, .warn:
                break
            }
            try await ModeratedContent.hold(item.subject, id: item.subjectID, !verdict.decision.showsContent, now: now, on: db)
            try await db.raw("""
                UPDATE moderation_flags SET upheld = \(bind: verdict.decision.upholdsReports) WHERE item_id = \(bind: id) AND upheld IS NULL
                """).run()
            try await db.raw("""
                UPDATE moderation_items SET status = \(bind: status.rawValue), decision = \(bind: verdict.decision.rawValue),
                    decision_reason = \(bind: verdict.reason), decided_by = \(bind: actor.userID), decided_at = \(bind: now),
                    held = \(bind: !verdict.decision.showsContent), claimed_by = NULL, claimed_at = NULL, updated_at = \(bind: now)
                WHERE id = \(bind: id)
                """).run()
            var after = ["status": status.rawValue, "decision": verdict.decision.rawValue]
            if let days = verdict.days, verdict.decision == .suspend { after["days"] = String(days) }
            if verdict.decision == .edit { after["text"] = verdict.replacement ?? "" }
            try await AuditLog(store: store, in: transaction).append(actor.because(verdict.reason).entry(
                .moderationDecided, on: .moderationItem, id: id,
                before: ["status": item.status.rawValue, "subject": "\(item.subject.rawValue) \(item.subjectID)"], after: after, at: now
            ))
            guard let decided = try await Self.find(id, on: db) else { return nil }
            if verdict.decision.isAgainstAuthor, verdict.decision != .suspend, let authorID = item.authorID,
               let author = try await UserRepository(store: store, in: transaction).find(id: authorID) {
                try await tell(author, decided, transaction)
            }
            return decided
        }
    }

    /// Passes an item to the administrators, with why; audited.
    public func escalate(_ id: Int64, reason: String, by actor: AuditActor, now: Date) async throws -> ModerationItem? {
        try await store.inTransaction { [store] transaction in
            let db = transaction.sql
            guard let item = try await Self.find(id, on: db) else { return nil }
            guard item.isClaimable(by: actor.userID, now: now) else { throw StoreError.conflict("another moderator is deciding this item") }
            let status = try item.status.moving(to: .escalated)
            try await db.raw("""
                UPDATE moderation_items SET status = \(bind: status.rawValue), escalated_at = \(bind: now), escalation_reason = \(bind: reason),
                    claimed_by = NULL, claimed_at = NULL, updated_at = \(bind: now)
                WHERE id = \(bind: id)
                """).run()
            try await AuditLog(store: store, in: transaction).append(actor.because(reason).entry(
                .moderationEscalated, on: .moderationItem, id: id, before: ["status": item.status.rawValue], after: ["status": status.rawValue], at: now
            ))
            return try await Self.find(id, on: db)
        }
    }

    /// The author's appeal against a decision that went against them: once, within `appealWindow`. `nil` when the
    /// item is not theirs or not decided against them.
    public func appeal(_ id: Int64, by authorID: Int64, statement: String, now: Date) async throws -> ModerationItem? {
        try await store.transaction { db in
            guard let item = try await Self.find(id, on: db), item.authorID == authorID, item.decision?.isAgainstAuthor == true,
                  let decidedAt = item.decidedAt
            else { return nil }
            guard try await Self.appeal(of: id, on: db) == nil else { throw StoreError.conflict("this decision was appealed already") }
            guard now.timeIntervalSince(decidedAt) <= Self.appealWindow else {
                throw StoreError.conflict("the time to appeal this decision has passed")
            }
            let status = try item.status.moving(to: .appealed)
            try await db.raw("""
                INSERT INTO moderation_appeals (item_id, appellant_id, statement, created_at)
                VALUES (\(bind: id), \(bind: authorID), \(bind: statement), \(bind: now))
                """).run()
            try await db.raw("UPDATE moderation_items SET status = \(bind: status.rawValue), updated_at = \(bind: now) WHERE id = \(bind: id)").run()
            return try await Self.find(id, on: db)
        }
    }

    /// Hears an appeal: another moderator than the one who decided upholds the decision or overturns it (the content
    /// shows again, the reports count as dismissed). Audited; the author is told either way.
    public func decideAppeal(
        _ id: Int64, outcome: AppealOutcome, reason: String, by actor: AuditActor, now: Date, tell: @escaping Tell
    ) async throws -> ModerationItem? {
        try await store.inTransaction { [store] transaction in
            let db = transaction.sql
            guard let item = try await Self.find(id, on: db), try await Self.appeal(of: id, on: db) != nil else { return nil }
            guard item.decidedBy != actor.userID else { throw StoreError.conflict("another moderator hears the appeal against your decision") }
            let status = try item.status.moving(to: .closed)
            try await db.raw("""
                UPDATE moderation_appeals SET outcome = \(bind: outcome.rawValue), reason = \(bind: reason), decided_by = \(bind: actor.userID),
                    decided_at = \(bind: now)
                WHERE item_id = \(bind: id)
                """).run()
            if outcome == .overturned {
                try await ModeratedContent.hold(item.subject, id: item.subjectID, false, now: now, on: db)
                try await db.raw("UPDATE moderation_flags SET upheld = FALSE WHERE item_id = \(bind: id)").run()
            }
            try await db.raw("""
                UPDATE moderation_items SET status = \(bind: status.rawValue), held = \(bind: outcome == .upheld && item.held), updated_at = \(bind: now)
                WHERE id = \(bind: id)
                """).run()
            try await AuditLog(store: store, in: transaction).append(actor.because(reason).entry(
                .appealDecided, on: .moderationItem, id: id, before: ["status": item.status.rawValue],
                after: ["status": status.rawValue, "outcome": outcome.rawValue], at: now
            ))
            guard let closed = try await Self.find(id, on: db) else { return nil }
            if let authorID = item.authorID, let author = try await UserRepository(store: store, in: transaction).find(id: authorID) {
                try await tell(author, closed, transaction)
            }
            return closed
        }
    }
}
