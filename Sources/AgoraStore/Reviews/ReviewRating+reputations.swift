import AgoraDomain
import Foundation
import SQLKit

extension ReviewRating {
    /// The public pages' view of each provider's reviews, in three queries for any number of providers: their stored
    /// summaries, the dates and ratings of their published reviews (the trend), and their first
    /// `ProviderReputation.highlightCount` published reviews, most helpful first.
    static func reputations(of ids: [Int64], on db: any SQLDatabase) async throws -> [Int64: ProviderReputation] {
        guard !ids.isEmpty else { return [:] }
        var summaries: [Int64: RatingSummary] = [:]
        for row in try await db.raw("SELECT * FROM rating_summaries WHERE user_id IN (\(binds: ids)) AND review_count > 0").all() {
            summaries[try row.decode(column: "user_id", as: Int64.self)] = try summary(from: row)
        }
        guard !summaries.isEmpty else { return [:] }
        let rows = try await db.raw("""
            SELECT * FROM (
                SELECT r.id, r.reviewee_id, r.rating, r.comment, r.published_at, u.first_name, u.last_name, p.title AS project_title,
                       resp.body AS response_body,
                       ROW_NUMBER() OVER (PARTITION BY r.reviewee_id ORDER BY r.quality_score DESC, r.published_at DESC, r.id DESC) AS place
                FROM reviews r JOIN projects p ON p.id = r.project_id LEFT JOIN users u ON u.id = r.reviewer_id
                    LEFT JOIN review_responses resp ON resp.review_id = r.id
                WHERE r.reviewee_id IN (\(binds: Array(summaries.keys))) AND r.status = \(state: ReviewStatus.published)
            ) ranked WHERE place <= \(bind: ProviderReputation.highlightCount) ORDER BY reviewee_id, place
            """).all()
        var published: [Int64: [RatedReview]] = [:]
        for row in try await db.raw("""
            SELECT r.reviewee_id, r.rating, r.published_at FROM reviews r
            WHERE r.reviewee_id IN (\(binds: Array(summaries.keys))) AND r.status = \(state: ReviewStatus.published)
            """).all() {
            published[try row.decode(column: "reviewee_id", as: Int64.self), default: []].append(RatedReview(
                rating: try row.decode(column: "rating", as: Int.self), publishedAt: try row.decode(column: "published_at", as: Date.self), projectValue: 0
            ))
        }
        var highlights: [Int64: [ReviewHighlight]] = [:]
        for row in rows {
            let first = try row.decodeIfPresent(column: "first_name", as: String.self)
            let last = try row.decodeIfPresent(column: "last_name", as: String.self) ?? ""
            highlights[try row.decode(column: "reviewee_id", as: Int64.self), default: []].append(ReviewHighlight(
                id: try row.decode(column: "id", as: Int64.self), rating: try row.decode(column: "rating", as: Int.self),
                comment: try row.decode(column: "comment", as: String.self),
                reviewerName: first.map { ClientIdentity.publicName(firstName: $0, lastName: last) } ?? "A former member",
                projectTitle: try row.decode(column: "project_title", as: String.self),
                publishedAt: try row.decode(column: "published_at", as: Date.self),
                response: try row.decodeIfPresent(column: "response_body", as: String.self)
            ))
        }
        return Dictionary(uniqueKeysWithValues: summaries.map { id, summary in
            (id, ProviderReputation(summary: summary, trend: ProviderReputation.trend(of: published[id] ?? []), highlights: highlights[id] ?? []))
        })
    }
}
