import Foundation

/// What a provider's public page shows of their reviews: the rating's detail (stars, sub-ratings), the trend, and
/// the first published reviews, most helpful first, with the provider's answers. The rest is read through the API.
public struct ProviderReputation: Hashable, Sendable, Codable {
    /// How many reviews the page carries in its HTML (and its structured data).
    public static let highlightCount = 5
    /// How many months the page's trend shows.
    public static let trendMonths = 12

    public static let none = ProviderReputation(summary: .none, trend: .none, highlights: [])

    public let summary: RatingSummary
    /// The months up to the latest published review's: a page is made again at every publication, so a trend that
    /// ends there never goes stale between builds (the API's `/rating` ends at the current month).
    public let trend: RatingTrend
    public let highlights: [ReviewHighlight]

    public init(summary: RatingSummary, trend: RatingTrend, highlights: [ReviewHighlight]) {
        self.summary = summary
        self.trend = trend
        self.highlights = highlights
    }

    /// The trend of a page from the member's published reviews.
    public static func trend(of reviews: [RatedReview]) -> RatingTrend {
        guard let latest = reviews.map(\.publishedAt).max() else { return .none }
        return RatingTrend(reviews, months: trendMonths, at: latest)
    }
}

/// One published review as a public page shows it.
public struct ReviewHighlight: Hashable, Sendable, Codable {
    public let id: Int64
    public let rating: Int
    public let comment: String
    /// "Ada L.": the reviewer's short name (`ClientIdentity.publicName`).
    public let reviewerName: String
    public let projectTitle: String
    public let publishedAt: Date
    public let response: String?

    public init(id: Int64, rating: Int, comment: String, reviewerName: String, projectTitle: String, publishedAt: Date, response: String?) {
        self.id = id
        self.rating = rating
        self.comment = comment
        self.reviewerName = reviewerName
        self.projectTitle = projectTitle
        self.publishedAt = publishedAt
        self.response = response
    }
}
