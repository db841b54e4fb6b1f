import AgoraDomain
import Foundation
import SQLKit

/// Reviews after real work. A party submits theirs once, within the project's window (`ReviewWindow.open`); it stays
/// pending, seen by its author only, until the other party's arrives or the window closes (`publishDue`). Publishing
/// reads each review's fraud signals: below the hold threshold it is published and the reviewee's rating is
/// recomputed (`ReviewRating`), at or above it is held for a moderator. Every change runs in one transaction with the
/// project locked, so two submissions racing publish once.
public struct ReviewRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    public typealias Announce = @Sendable (ReviewEvent) throws -> Announcements

    // MARK: Writing

    /// Records `userID`'s review of the other party of the project; publishes both when the other's is in.
    public func submit(projectID: Int64, by userID: Int64, draft: ReviewDraft, rules: ReviewRules, now: Date, announce: @escaping Announce) async throws -> Review {
        let duplicate = "you have reviewed this project already; a review is written once"
        return try await store.uniqueOrConflict(duplicate) {
            try await store.transaction { [store] db in
                let project = try await ProjectRepository.locked(projectID, on: db)
                guard let role = project.role(of: userID) else { throw StoreError.notFound("the project") }
                let value = try await Self.releasedValue(of: project, on: db)
                let window = try ReviewWindow.open(
                    for: ReviewableWork(status: project.status, startedAt: project.startedAt, closedAt: project.closedAt, moneyReleased: value > 0), rules: rules
                )
                guard window.accepts(at: now) else {
                    throw StatusTransitionError("reviewing this project closed \(rules.windowDays) days after it ended")
                }
                let direction = ReviewDirection(reviewer: role)
                let existing = try await Self.reviews(of: projectID, on: db)
                guard !existing.contains(where: { $0.direction == direction }) else { throw StoreError.conflict(duplicate) }
                guard let written = try await db.raw("""
                    INSERT INTO reviews (project_id, direction, reviewer_id, reviewee_id, rating, communication, quality, timeliness, value, comment,
                                         private_feedback, status, quality_score, project_value, window_closes_at, created_at)
                    VALUES (\(bind: projectID), \(state: direction), \(bind: userID), \(bind: project.member(direction.reviewee)), \(bind: draft.rating),
                            \(bind: draft.subRatings[.communication]), \(bind: draft.subRatings[.quality]), \(bind: draft.subRatings[.timeliness]),
                            \(bind: draft.subRatings[.value]), \(bind: draft.comment), \(bind: draft.privateFeedback), \(state: ReviewStatus.pending),
                            \(bind: ReviewQuality.score(draft.comment)), \(bind: value), \(bind: window.closesAt), \(bind: now))
                    RETURNING id
                    """).first()?.decode(column: "id", as: Int64.self) else { throw StoreError.conflict("the review was not written") }
                let mine = try await Self.review(written, on: db)
                guard let other = existing.first(where: { $0.direction == direction.opposite }) else {
                    try await Self.announce(.otherPartyReviewed, to: project.member(direction.reviewee), about: project, window: window.closesAt, store: store, now: now, on: db, announce)
                    return mine
                }
                let published = try await Self.publish(
                    [mine, other].filter { $0.status == .pending }, of: project, rules: rules, store: store, now: now, on: db, announce
                )
                return published.first { $0.id == mine.id } ?? mine
            }
        }
    }

    /// Publishes the pending reviews whose window closed (the other party never wrote theirs), at most `limit`
    /// projects; returns how many reviews were published or held.
    public func publishDue(rules: ReviewRules, now: Date, limit: Int, announce: @escaping Announce) async throws -> Int {
        let projects = try await store.sql.raw("""
            SELECT DISTINCT project_id FROM reviews WHERE status = \(state: ReviewStatus.pending) AND window_closes_at <= \(bind: now)
            ORDER BY project_id LIMIT \(bind: limit)
            """).all().map { try $0.decode(column: "project_id", as: Int64.self) }
        var count = 0
        for projectID in projects {
            count += try await store.transaction { [store] db in
                let project = try await ProjectRepository.locked(projectID, on: db)
                let due = try await Self.reviews(of: projectID, on: db).filter { $0.status == .pending && $0.windowClosesAt <= now }
                return try await Self.publish(due, of: project, rules: rules, store: store, now: now, on: db, announce).count
            }
        }
        return count
    }

    /// The reviewee answers a published review of them, once.
    public func respond(to reviewID: Int64, by userID: Int64, body: String, now: Date, announce: @escaping Announce) async throws -> ReviewResponse {
        let duplicate = "this review has a response already; a review is answered once"
        return try await store.uniqueOrConflict(duplicate) {
            try await store.transaction { [store] db in
                let review = try await Self.review(reviewID, on: db)
                // A review not published yet does not exist for anyone but its author.
                guard review.status.isPublic, review.revieweeID == userID || review.reviewerID == userID else { throw StoreError.notFound("the review") }
                guard review.revieweeID == userID else { throw StatusTransitionError("only the member reviewed answers a review") }
                guard try await db.raw("SELECT id FROM review_responses WHERE review_id = \(bind: reviewID)").first() == nil else { throw StoreError.conflict(duplicate) }
                try await db.raw("""
                    INSERT INTO review_responses (review_id, author_id, body, created_at) VALUES (\(bind: reviewID), \(bind: userID), \(bind: body), \(bind: now))
                    """).run()
                // The answer shows on the reviewee's page: its record's time moves so that the page is built again.
                try await db.raw("UPDATE user_statistics SET updated_at = \(bind: now) WHERE user_id = \(bind: userID)").run()
                try await ProviderRecord.recordChanged(userID, reason: "review answered", now: now, on: db, engine: store.engine)
                if let reviewerID = review.reviewerID {
                    let project = try await ProjectRepository.locked(review.projectID, on: db)
                    try await Self.announce(.responded, to: reviewerID, about: project, window: review.windowClosesAt, store: store, now: now, on: db, announce)
                }
                return ReviewResponse(body: body, createdAt: now)
            }
        }
    }

    // MARK: Publishing

    /// Publishes pending reviews of `project`, or holds those whose fraud score reaches the threshold; the ratings of
    /// the reviewees of the published ones are recomputed and each of them is told there is a review to read (the
    /// member reviewed in a held one hears nothing until a moderator releases it).
    static func publish(
        _ reviews: [Review], of project: Project, rules: ReviewRules, store: Store, now: Date, on db: any SQLDatabase, _ announce: Announce
    ) async throws -> [Review] {
        var changed: [Review] = []
        for review in reviews {
            let signals = ReviewSignals.read(try await ReviewEvidenceReader.evidence(for: review, now: now, on: db))
            let score = ReviewSignals.score(signals)
            let status = try review.status.after(score >= rules.holdThreshold ? .hold : .publish)
            let encoded = String(decoding: try JSONEncoder().encode(signals), as: UTF8.self)
            try await db.raw("""
                UPDATE reviews SET status = \(state: status), fraud_score = \(bind: score), signals = \(bind: encoded),
                    published_at = \(bind: status == .published ? now : nil)
                WHERE id = \(bind: review.id)
                """).run()
            changed.append(try await Self.review(review.id, on: db))
        }
        for review in changed where review.status == .published {
            try await ReviewRating.refresh(review.revieweeID, reason: "review published", now: now, on: db, engine: store.engine)
            try await Self.announce(.published, to: review.revieweeID, about: project, window: review.windowClosesAt, store: store, now: now, on: db, announce)
        }
        return changed
    }

    // MARK: Reading

    /// The project's reviews `userID` may read: their own, whatever its status, and the other party's once
    /// published; and whether they may review it now, or why not. Anyone but the parties is told there is no such
    /// project.
    public func reviews(of projectID: Int64, for userID: Int64, rules: ReviewRules, now: Date) async throws -> ProjectReviews {
        try await store.transaction { db in
            guard let project = try await ProjectRepository.project(projectID, on: db), let role = project.role(of: userID) else {
                throw StoreError.notFound("the project")
            }
            let all = try await Self.reviews(of: projectID, on: db)
            let mine = all.first { $0.direction == ReviewDirection(reviewer: role) }
            let theirs = all.first { $0.direction == ReviewDirection(reviewer: role).opposite }
            var responses: [Int64: ReviewResponse] = [:]
            for review in [mine, theirs].compactMap({ $0 }) where review.status.isPublic {
                responses[review.id] = try await Self.response(to: review.id, on: db)
            }
            let value = try await Self.releasedValue(of: project, on: db)
            let work = ReviewableWork(status: project.status, startedAt: project.startedAt, closedAt: project.closedAt, moneyReleased: value > 0)
            var window: ReviewWindow?
            var refusal: String?
            do {
                window = try ReviewWindow.open(for: work, rules: rules)
                if mine != nil { refusal = "you have reviewed this project" } else if window?.accepts(at: now) == false { refusal = "reviewing this project has closed" }
            } catch let closed as StatusTransitionError {
                refusal = closed.description
            }
            return ProjectReviews(
                mine: mine, theirs: theirs?.status.isPublic == true ? theirs : nil, theirsWritten: theirs != nil, responses: responses,
                window: window, refusal: refusal
            )
        }
    }

    /// The project's reviews, both directions.
    static func reviews(of projectID: Int64, on db: any SQLDatabase) async throws -> [Review] {
        try await db.raw("SELECT \(Review.columns) FROM reviews r WHERE r.project_id = \(bind: projectID) ORDER BY r.id").all().map(Review.init(row:))
    }

    static func review(_ id: Int64, on db: any SQLDatabase) async throws -> Review {
        guard let row = try await db.raw("SELECT \(Review.columns) FROM reviews r WHERE r.id = \(bind: id)").first() else { throw StoreError.notFound("the review") }
        return try Review(row: row)
    }

    static func response(to reviewID: Int64, on db: any SQLDatabase) async throws -> ReviewResponse? {
        try await db.raw("SELECT body, created_at FROM review_responses WHERE review_id = \(bind: reviewID)").first().map {
            ReviewResponse(body: try $0.decode(column: "body", as: String.self), createdAt: try $0.decode(column: "created_at", as: Date.self))
        }
    }

    /// What the provider was paid for the project so far (milestone releases and released hourly weeks), in whole
    /// units of its currency.
    static func releasedValue(of project: Project, on db: any SQLDatabase) async throws -> Double {
        let milestones = try await db.raw("""
            SELECT CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT) AS total FROM escrow_releases WHERE project_id = \(bind: project.id)
            """).first()?.decode(column: "total", as: Int64.self) ?? 0
        let weeks = try await db.raw("""
            SELECT CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT) AS total FROM week_payments
            WHERE project_id = \(bind: project.id) AND status = \(state: WeekPaymentStatus.released)
            """).first()?.decode(column: "total", as: Int64.self) ?? 0
        return Double(milestones + weeks) / pow(10, Double(project.agreedPrice.currency.minorUnitDigits))
    }

    static func announce(
        _ kind: ReviewEvent.Kind, to userID: Int64, about project: Project, window: Date, note: String? = nil, store: Store, now: Date, on db: any SQLDatabase,
        _ announce: Announce
    ) async throws {
        guard let recipient = try await NotificationRepository.recipients([userID], on: db)[userID] else { return }
        let other = try await ProjectRepository.counterpartNames(of: [project], for: userID, on: db)[project.id] ?? "the other party"
        let event = ReviewEvent(kind: kind, projectID: project.id, projectTitle: project.title, recipient: recipient, otherParty: other, windowClosesAt: window, note: note)
        try await NotificationRepository.write(try announce(event), store: store, on: db, now: now)
    }
}

/// A project's reviews as one of its parties reads them.
public struct ProjectReviews: Sendable, Hashable {
    /// The reader's own review, if written.
    public let mine: Review?
    /// The other party's, once published.
    public let theirs: Review?
    /// Whether the other party has written theirs (told without its content).
    public let theirsWritten: Bool
    public let responses: [Int64: ReviewResponse]
    /// The project's review window, when it has one.
    public let window: ReviewWindow?
    /// Why the reader may not review it now; nil when they may.
    public let refusal: String?
}
