import AgoraDomain
import Foundation
import SQLKit

/// A review one party of a project wrote about the other, as stored. What of it anyone may see is the caller's to
/// decide by `ReviewStatus.isPublic` and the viewer: the private feedback and the signals are never the reviewee's.
public struct Review: Sendable, Hashable {
    public let id: Int64
    public let projectID: Int64
    public let direction: ReviewDirection
    public let reviewerID: Int64?
    public let revieweeID: Int64
    public let rating: Int
    public let subRatings: [SubRating: Int]
    public let comment: String
    public let privateFeedback: String
    public let status: ReviewStatus
    public let fraudScore: Int
    public let signals: [ReviewSignal]
    public let qualityScore: Int
    /// What the project was worth when the review was written, in whole units of its currency.
    public let projectValue: Double
    public let windowClosesAt: Date
    public let createdAt: Date
    public let publishedAt: Date?
    public let moderatedAt: Date?
    public let moderationReason: String?

    static let columns: SQLQueryString = """
        r.id, r.project_id, r.direction, r.reviewer_id, r.reviewee_id, r.rating, r.communication, r.quality, r.timeliness, r.value, r.comment,
        r.private_feedback, r.status, r.fraud_score, r.signals, r.quality_score, r.project_value, r.window_closes_at, r.created_at, r.published_at,
        r.moderated_at, r.moderation_reason
        """

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        projectID = try row.decode(column: "project_id", as: Int64.self)
        direction = try row.decodeState(column: "direction", as: ReviewDirection.self)
        reviewerID = try row.decodeIfPresent(column: "reviewer_id", as: Int64.self)
        revieweeID = try row.decode(column: "reviewee_id", as: Int64.self)
        rating = try row.decode(column: "rating", as: Int.self)
        var ratings: [SubRating: Int] = [:]
        for aspect in SubRating.allCases {
            if let stars = try row.decodeIfPresent(column: aspect.rawValue, as: Int.self) { ratings[aspect] = stars }
        }
        subRatings = ratings
        comment = try row.decode(column: "comment", as: String.self)
        privateFeedback = try row.decode(column: "private_feedback", as: String.self)
        status = try row.decodeState(column: "status", as: ReviewStatus.self)
        fraudScore = try row.decode(column: "fraud_score", as: Int.self)
        signals = (try? JSONDecoder().decode([ReviewSignal].self, from: Data(try row.decode(column: "signals", as: String.self).utf8))) ?? []
        qualityScore = try row.decode(column: "quality_score", as: Int.self)
        projectValue = try row.decode(column: "project_value", as: Double.self)
        windowClosesAt = try row.decode(column: "window_closes_at", as: Date.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
        publishedAt = try row.decodeIfPresent(column: "published_at", as: Date.self)
        moderatedAt = try row.decodeIfPresent(column: "moderated_at", as: Date.self)
        moderationReason = try row.decodeIfPresent(column: "moderation_reason", as: String.self)
    }

    /// The review as a rating counts it.
    var rated: RatedReview {
        RatedReview(rating: rating, subRatings: subRatings, publishedAt: publishedAt ?? createdAt, projectValue: projectValue)
    }
}

/// A published review as the public reads it: with the reviewer's short name and the reviewee's response.
public struct PublicReview: Sendable, Hashable {
    public let review: Review
    /// "Ada L.", or "A former member" once the reviewer's account is gone.
    public let reviewerName: String
    public let reviewerCountry: String?
    public let projectTitle: String
    public let response: ReviewResponse?
}

/// The reviewee's one public reply to a review.
public struct ReviewResponse: Sendable, Hashable {
    public let body: String
    public let createdAt: Date
}
