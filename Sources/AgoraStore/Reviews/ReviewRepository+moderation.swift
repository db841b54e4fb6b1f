import AgoraDomain
import Foundation
import SQLKit

extension ReviewRepository {
    /// A member reports a published review, once; the report waits in the moderators' queue. Its author does not
    /// report their own review.
    public func report(_ reviewID: Int64, by userID: Int64, reason: ReviewReportReason, note: String, now: Date) async throws {
        let duplicate = "you have reported this review already"
        try await store.uniqueOrConflict(duplicate) {
            try await store.transaction { db in
                let review = try await Self.review(reviewID, on: db)
                guard review.status.isPublic else { throw StoreError.notFound("the review") }
                guard review.reviewerID != userID else { throw StatusTransitionError("you do not report your own review") }
                guard try await db.raw("""
                    SELECT id FROM review_reports WHERE review_id = \(bind: reviewID) AND reporter_id = \(bind: userID)
                    """).first() == nil else { throw StoreError.conflict(duplicate) }
                try await db.raw("""
                    INSERT INTO review_reports (review_id, reporter_id, reason, note, status, created_at)
                    VALUES (\(bind: reviewID), \(bind: userID), \(state: reason), \(bind: note), \(state: ReviewClaimStatus.open), \(bind: now))
                    """).run()
            }
        }
    }

    /// The reviewee contests a published review of them, once; a moderator decides.
    public func appeal(_ reviewID: Int64, by userID: Int64, reason: String, now: Date) async throws {
        let duplicate = "you have appealed against this review already; an appeal is made once"
        try await store.uniqueOrConflict(duplicate) {
            try await store.transaction { db in
                let review = try await Self.review(reviewID, on: db)
                guard review.status.isPublic, review.revieweeID == userID || review.reviewerID == userID else { throw StoreError.notFound("the review") }
                guard review.revieweeID == userID else { throw StatusTransitionError("only the member reviewed appeals against a review") }
                guard try await db.raw("SELECT id FROM review_appeals WHERE review_id = \(bind: reviewID)").first() == nil else {
                    throw StoreError.conflict(duplicate)
                }
                try await db.raw("""
                    INSERT INTO review_appeals (review_id, appellant_id, reason, status, created_at)
                    VALUES (\(bind: reviewID), \(bind: userID), \(bind: reason), \(state: ReviewClaimStatus.open), \(bind: now))
                    """).run()
            }
        }
    }

    /// The moderators' queue: held reviews, published ones with open reports, or those with an open appeal; oldest
    /// first, with what a moderator decides on.
    public func queue(_ part: ReviewQueue, limit: Int) async throws -> [ReviewCase] {
        let condition: SQLQueryString = switch part {
        case .held: "r.status = \(state: ReviewStatus.held)"
        case .reported:
            "r.status = \(state: ReviewStatus.published) AND EXISTS (SELECT 1 FROM review_reports rr WHERE rr.review_id = r.id AND rr.status = \(state: ReviewClaimStatus.open))"
        case .appealed:
            "EXISTS (SELECT 1 FROM review_appeals ra WHERE ra.review_id = r.id AND ra.status = \(state: ReviewClaimStatus.open))"
        }
        return try await cases(where: condition, limit: limit)
    }

    /// A review as the queue shows it, whatever its status; nil for a pending one (nobody but its author sees it).
    public func moderationCase(_ reviewID: Int64) async throws -> ReviewCase? {
        try await cases(where: "r.id = \(bind: reviewID) AND r.status <> \(state: ReviewStatus.pending)", limit: 1).first
    }

    private func cases(where condition: SQLQueryString, limit: Int) async throws -> [ReviewCase] {
        let rows = try await store.sql.raw("\(Self.publicSelect) WHERE \(condition) ORDER BY r.id LIMIT \(bind: limit)").all()
        var cases: [ReviewCase] = []
        for row in rows {
            let review = try Self.publicReview(from: row)
            cases.append(ReviewCase(
                review: review, reports: try await Self.reports(of: review.review.id, on: store.sql),
                appeal: try await Self.appeal(of: review.review.id, on: store.sql)
            ))
        }
        return cases
    }

    /// A moderator's decision on a review, audited with its reason: hidden, restored or released (the reviewee's
    /// rating recomputed and their page queued), or its reports and appeal dismissed. Open reports and the open
    /// appeal close with it; the author of a hidden review and the appellant are told.
    public func moderate(
        _ reviewID: Int64, _ decision: ReviewModeration, reason: String, by actor: AuditActor, now: Date, announce: @escaping Announce
    ) async throws -> Review {
        try await store.inTransaction { [store] transaction in
            let db = transaction.sql
            let lock: SQLQueryString = db.dialect.name == "postgresql" ? " FOR UPDATE" : ""
            guard let row = try await db.raw("SELECT \(Review.columns) FROM reviews r WHERE r.id = \(bind: reviewID)\(lock)").first() else {
                throw StoreError.notFound("the review")
            }
            let review = try Review(row: row)
            guard review.status != .pending else { throw StoreError.notFound("the review") }
            let appeal = try await Self.appeal(of: reviewID, on: db)
            let openReports = try await Self.reports(of: reviewID, on: db).filter { $0.status == .open }
            var status = review.status
            if let step = decision.step {
                status = try review.status.after(step)
            } else if openReports.isEmpty, appeal?.status != .open {
                throw StatusTransitionError("this review has no open report or appeal to dismiss")
            }
            try await db.raw("""
                UPDATE reviews SET status = \(state: status), moderated_at = \(bind: now), moderation_reason = \(bind: reason),
                    published_at = \(bind: decision == .release ? now : review.publishedAt)
                WHERE id = \(bind: reviewID)
                """).run()
            try await db.raw("""
                UPDATE review_reports SET status = \(state: decision.claims), decided_at = \(bind: now)
                WHERE review_id = \(bind: reviewID) AND status = \(state: ReviewClaimStatus.open)
                """).run()
            try await db.raw("""
                UPDATE review_appeals SET status = \(state: decision.claims), decision_note = \(bind: reason), decided_at = \(bind: now)
                WHERE review_id = \(bind: reviewID) AND status = \(state: ReviewClaimStatus.open)
                """).run()
            if review.status == .published || status == .published {
                try await ReviewRating.refresh(review.revieweeID, reason: "review \(decision.rawValue)", now: now, on: db, engine: store.engine)
            }
            let action: AuditedAction = switch decision {
            case .hide: .reviewHidden
            case .restore: .reviewRestored
            case .release: .reviewReleased
            case .dismiss: .reviewClaimsDismissed
            case .remove: .reviewRemoved
            }
            try await AuditLog(store: store, in: transaction).append(actor.because(reason).entry(
                action, on: .review, id: reviewID, before: ["status": review.status.rawValue],
                after: ["status": status.rawValue, "reports": String(openReports.count), "appeal": appeal?.status == .open ? decision.claims.rawValue : "none"],
                at: now
            ))
            let project = try await ProjectRepository.locked(review.projectID, on: db)
            if decision == .release {
                try await Self.announce(.published, to: review.revieweeID, about: project, window: review.windowClosesAt, store: store, now: now, on: db, announce)
            }
            if decision == .hide || decision == .remove, let author = review.reviewerID {
                try await Self.announce(decision == .remove ? .removed : .hidden, to: author, about: project, window: review.windowClosesAt, note: reason, store: store, now: now, on: db, announce)
            }
            if let appeal, appeal.status == .open {
                try await Self.announce(
                    .appealDecided(upheld: decision.claims == .upheld), to: appeal.appellantID, about: project, window: review.windowClosesAt, note: reason,
                    store: store, now: now, on: db, announce
                )
            }
            return try await Self.review(reviewID, on: db)
        }
    }

    static func reports(of reviewID: Int64, on db: any SQLDatabase) async throws -> [ReviewReport] {
        try await db.raw("""
            SELECT reporter_id, reason, note, status, created_at FROM review_reports WHERE review_id = \(bind: reviewID) ORDER BY id
            """).all().map {
            ReviewReport(
                reporterID: try $0.decode(column: "reporter_id", as: Int64.self), reason: try $0.decodeState(column: "reason", as: ReviewReportReason.self),
                note: try $0.decode(column: "note", as: String.self), status: try $0.decodeState(column: "status", as: ReviewClaimStatus.self),
                createdAt: try $0.decode(column: "created_at", as: Date.self)
            )
        }
    }

    static func appeal(of reviewID: Int64, on db: any SQLDatabase) async throws -> ReviewAppealRecord? {
        try await db.raw("""
            SELECT appellant_id, reason, status, decision_note, created_at FROM review_appeals WHERE review_id = \(bind: reviewID)
            """).first().map {
            ReviewAppealRecord(
                appellantID: try $0.decode(column: "appellant_id", as: Int64.self), reason: try $0.decode(column: "reason", as: String.self),
                status: try $0.decodeState(column: "status", as: ReviewClaimStatus.self),
                decisionNote: try $0.decodeIfPresent(column: "decision_note", as: String.self), createdAt: try $0.decode(column: "created_at", as: Date.self)
            )
        }
    }
}

/// A review in the moderators' queue, with everything decided on: its signals (in the review), reports and appeal.
public struct ReviewCase: Sendable, Hashable {
    public let review: PublicReview
    public let reports: [ReviewReport]
    public let appeal: ReviewAppealRecord?
}

public struct ReviewReport: Sendable, Hashable {
    public let reporterID: Int64
    public let reason: ReviewReportReason
    public let note: String
    public let status: ReviewClaimStatus
    public let createdAt: Date
}

public struct ReviewAppealRecord: Sendable, Hashable {
    public let appellantID: Int64
    public let reason: String
    public let status: ReviewClaimStatus
    public let decisionNote: String?
    public let createdAt: Date
}
