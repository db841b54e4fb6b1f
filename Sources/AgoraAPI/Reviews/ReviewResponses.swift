import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// A review as the API shows it. `private_feedback`, `fraud_score` and `signals` only ever reach its author (the
/// feedback) or staff (the signals): never the reviewee or the public.
struct ReviewBody: ResponseEncodable {
    struct Reviewer: ResponseEncodable {
        let name: String
        let country: String?
    }

    struct ResponseBody: ResponseEncodable {
        let body: String
        let createdAt: Date
    }

    let id: Int64
    let projectId: Int64
    let direction: String
    let rating: Int
    let subRatings: [String: Int]
    let comment: String
    let status: String
    let createdAt: Date
    let publishedAt: Date?
    let privateFeedback: String?
    let reviewer: Reviewer?
    let projectTitle: String?
    let response: ResponseBody?

    /// `forAuthor`: the author's own review, with their private feedback.
    init(_ review: Review, forAuthor: Bool, response: ReviewResponse?, reviewer: Reviewer? = nil, projectTitle: String? = nil) {
        id = review.id
        projectId = review.projectID
        direction = review.direction.rawValue
        rating = review.rating
        subRatings = Dictionary(uniqueKeysWithValues: review.subRatings.map { ($0.key.rawValue, $0.value) })
        comment = review.comment
        // The author sees "held" as waiting: whether a review is held for fraud is for moderators to know.
        status = forAuthor && review.status == .held ? ReviewStatus.pending.rawValue : review.status.rawValue
        createdAt = review.createdAt
        publishedAt = review.publishedAt
        privateFeedback = forAuthor ? review.privateFeedback : nil
        self.reviewer = reviewer
        self.projectTitle = projectTitle
        self.response = response.map { ResponseBody(body: $0.body, createdAt: $0.createdAt) }
    }

    init(public published: PublicReview) {
        self.init(
            published.review, forAuthor: false, response: published.response,
            reviewer: Reviewer(name: published.reviewerName, country: published.reviewerCountry), projectTitle: published.projectTitle
        )
    }
}

/// `GET /api/projects/{id}/reviews`: the asker's review and the other party's once published; whether the other has
/// written one (never what it says before publication) and when reviewing closes.
struct ProjectReviewsBody: ResponseEncodable {
    let mine: ReviewBody?
    let theirs: ReviewBody?
    let theirsWritten: Bool
    let canReview: Bool
    let reason: String?
    let closesAt: Date?
}

/// `GET /api/users/{id}/reviews`.
struct ReviewListBody: ResponseEncodable {
    let reviews: [ReviewBody]
    let nextCursor: String?
}

/// `GET /api/users/{id}/rating`.
struct RatingBody: ResponseEncodable {
    struct Month: ResponseEncodable {
        let month: String
        let count: Int
        let average: Double?
    }

    let count: Int
    let average: Double?
    let displayed: Double?
    let lowerBound: Double?
    /// Reviews per star, from one star to five.
    let distribution: [Int]
    let subRatings: [String: Double]
    let trend: [Month]

    init(_ summary: RatingSummary, trend: RatingTrend, prior: RatingPrior) {
        count = summary.count
        average = summary.count > 0 ? Self.rounded(summary.average) : nil
        displayed = summary.count > 0 ? RatingText.shown(summary.displayed(prior: prior)) : nil
        lowerBound = summary.count > 0 ? Self.rounded(summary.lowerBound) : nil
        distribution = summary.distribution
        subRatings = Dictionary(uniqueKeysWithValues: summary.subRatings.map { ($0.key.rawValue, Self.rounded($0.value)) })
        self.trend = trend.months.map { Month(month: $0.month, count: $0.count, average: $0.count > 0 ? Self.rounded($0.average) : nil) }
    }

    private static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}

/// `GET /api/admin/reviews`.
struct ReviewQueueBody: ResponseEncodable {
    let queue: String
    let reviews: [ReviewCaseBody]
}

/// A review as moderators decide on it: what the public would see, its status, fraud score and signals with their
/// explanations, its reports and the reviewee's appeal.
struct ReviewCaseBody: ResponseEncodable {
    struct Signal: ResponseEncodable {
        let kind: String
        let points: Int
        let explanation: String
    }

    struct Report: ResponseEncodable {
        let reporterId: Int64
        let reason: String
        let note: String
        let status: String
        let createdAt: Date
    }

    struct Appeal: ResponseEncodable {
        let appellantId: Int64
        let reason: String
        let status: String
        let decisionNote: String?
        let createdAt: Date
    }

    let review: ReviewBody
    let reviewerId: Int64?
    let revieweeId: Int64
    let fraudScore: Int
    let signals: [Signal]
    let moderationReason: String?
    let reports: [Report]
    let appeal: Appeal?

    init(_ found: ReviewCase) {
        let review = found.review.review
        self.review = ReviewBody(public: found.review)
        reviewerId = review.reviewerID
        revieweeId = review.revieweeID
        fraudScore = review.fraudScore
        signals = review.signals.map { Signal(kind: $0.kind.rawValue, points: $0.points, explanation: $0.explanation) }
        moderationReason = review.moderationReason
        reports = found.reports.map { Report(reporterId: $0.reporterID, reason: $0.reason.rawValue, note: $0.note, status: $0.status.rawValue, createdAt: $0.createdAt) }
        appeal = found.appeal.map {
            Appeal(appellantId: $0.appellantID, reason: $0.reason, status: $0.status.rawValue, decisionNote: $0.decisionNote, createdAt: $0.createdAt)
        }
    }
}
