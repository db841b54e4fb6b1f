import AgoraDomain
import Foundation
import SQLKit

extension ReviewRepository {
    /// A page of the member's published reviews, as anyone may read them, and the cursor of the next page (nil at
    /// the end).
    public func published(of userID: Int64, query: ReviewListQuery) async throws -> (reviews: [PublicReview], next: String?) {
        var conditions: [SQLQueryString] = ["r.reviewee_id = \(bind: userID)", "r.status = \(state: ReviewStatus.published)"]
        if let stars = query.stars { conditions.append("r.rating = \(bind: stars)") }
        if let text = query.text {
            conditions.append("LOWER(r.comment) LIKE \(bind: LikePattern.containing(text.lowercased())) ESCAPE '\\'")
        }
        let order: SQLQueryString = switch query.sort {
        case .recent: "r.published_at DESC, r.id DESC"
        case .helpful: "r.quality_score DESC, r.published_at DESC, r.id DESC"
        case .highest: "r.rating DESC, r.published_at DESC, r.id DESC"
        case .lowest: "r.rating ASC, r.published_at DESC, r.id DESC"
        }
        let rows = try await store.sql.raw("""
            \(Self.publicSelect) WHERE \(conditions.joined(separator: " AND "))
            ORDER BY \(order) LIMIT \(bind: query.limit + 1) OFFSET \(bind: query.offset)
            """).all()
        let reviews = try rows.prefix(query.limit).map(Self.publicReview(from:))
        return (reviews, rows.count > query.limit ? String(query.offset + query.limit) : nil)
    }

    /// The member's rating as stored, and its month-by-month trend over the last `months` months.
    public func rating(of userID: Int64, months: Int, now: Date) async throws -> (summary: RatingSummary, trend: RatingTrend) {
        try await store.transaction { db in
            let summary = try await ReviewRating.summary(of: userID, on: db)
            return (summary, RatingTrend(try await ReviewRating.published(of: userID, on: db), months: months, at: now))
        }
    }

    /// Whether `userID` names an account (whose reviews may be read).
    public func hasAccount(_ userID: Int64) async throws -> Bool {
        try await store.sql.raw("SELECT id FROM users WHERE id = \(bind: userID)").first() != nil
    }

    /// The marketplace's mean rating as every displayed rating uses it (`RatingPrior`).
    public func ratingPrior() async throws -> RatingPrior {
        try await RatingPriorRecord.current(on: store.sql)
    }

    /// Reviews with what `publicReview(from:)` reads: the reviewer's name and country, the project's title, the answer.
    static let publicSelect: SQLQueryString = """
        SELECT \(Review.columns), u.first_name, u.last_name, u.country_code, p.title AS project_title,
               resp.body AS response_body, resp.created_at AS response_created_at
        FROM reviews r JOIN projects p ON p.id = r.project_id LEFT JOIN users u ON u.id = r.reviewer_id
            LEFT JOIN review_responses resp ON resp.review_id = r.id
        """

    static func publicReview(from row: any SQLRow) throws -> PublicReview {
        let first = try row.decodeIfPresent(column: "first_name", as: String.self)
        let last = try row.decodeIfPresent(column: "last_name", as: String.self) ?? ""
        let response = try row.decodeIfPresent(column: "response_body", as: String.self).map {
            ReviewResponse(body: $0, createdAt: try row.decode(column: "response_created_at", as: Date.self))
        }
        return PublicReview(
            review: try Review(row: row), reviewerName: first.map { ClientIdentity.publicName(firstName: $0, lastName: last) } ?? "A former member",
            reviewerCountry: try row.decodeIfPresent(column: "country_code", as: String.self),
            projectTitle: try row.decode(column: "project_title", as: String.self), response: response
        )
    }
}
