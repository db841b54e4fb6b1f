import Foundation

/// What a provider's public page shows of their reviews: the rating's detail (stars, sub-ratings) and the first
/// published reviews, most helpful first, with the provider's answers. The rest is read through the API.
public struct ProviderReputation: Hashable, Sendable, Codable {
    /// How many reviews the page carries in its HTML (and its structured data).
    public static let highlightCount = 5

    public static let none = ProviderReputation(summary: .none, highlights: [])

    public let summary: RatingSummary
    public let highlights: [ReviewHighlight]

    public init(summary: RatingSummary, highlights: [ReviewHighlight]) {
        self.summary = summary
        self.highlights = highlights
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
