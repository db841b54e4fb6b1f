import Foundation

/// One published review as a rating counts it: its stars, sub-ratings, when it was published and what the project
/// was worth.
public struct RatedReview: Sendable, Hashable {
    public let rating: Int
    public let subRatings: [SubRating: Int]
    public let publishedAt: Date
    /// What the reviewed work was worth, in whole units of its currency (the money released in the project).
    public let projectValue: Double

    public init(rating: Int, subRatings: [SubRating: Int] = [:], publishedAt: Date, projectValue: Double) {
        self.rating = rating
        self.subRatings = subRatings
        self.publishedAt = publishedAt
        self.projectValue = projectValue
    }
}

/// How much one review counts in a rating: less as it ages (halved every `halfLifeDays`), more for bigger projects
/// (log-scaled, so a project a hundred times bigger counts about three times as much, not a hundred).
public struct RatingWeights: Sendable, Hashable {
    public static let standard = RatingWeights(halfLifeDays: 365, valueScale: 100)

    public let halfLifeDays: Double
    /// The project value (in whole units) at which a review counts 1 + log10(2) times a review of an empty project.
    public let valueScale: Double

    public init(halfLifeDays: Double, valueScale: Double) {
        self.halfLifeDays = halfLifeDays
        self.valueScale = valueScale
    }

    public func weight(of review: RatedReview, at now: Date) -> Double {
        let ageDays = max(0, now.timeIntervalSince(review.publishedAt) / 86_400)
        return pow(0.5, ageDays / halfLifeDays) * (1 + log10(1 + max(0, review.projectValue) / valueScale))
    }
}
