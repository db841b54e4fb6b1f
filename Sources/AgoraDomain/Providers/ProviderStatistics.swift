/// A provider's track record, kept up to date as projects and reviews land.
public struct ProviderStatistics: Hashable, Sendable, Codable {
    /// Weighted mean of the published ratings (`RatingSummary`), 1.0 to 5.0; meaningless when `ratingCount` is 0.
    /// Pages show `displayedRating`.
    public let ratingAverage: Double
    public let ratingCount: Int
    public let completedProjects: Int
    /// Share of accepted projects completed, 0.0 to 1.0.
    public let completionRate: Double
    /// Median minutes to first reply, when known.
    public let responseTimeMinutes: Int?

    public init(ratingAverage: Double, ratingCount: Int, completedProjects: Int, completionRate: Double, responseTimeMinutes: Int?) {
        self.ratingAverage = ratingAverage
        self.ratingCount = ratingCount
        self.completedProjects = completedProjects
        self.completionRate = completionRate
        self.responseTimeMinutes = responseTimeMinutes
    }

    public static let none = ProviderStatistics(ratingAverage: 0, ratingCount: 0, completedProjects: 0, completionRate: 0, responseTimeMinutes: nil)

    public var hasRatings: Bool { ratingCount > 0 }

    /// The rating shown for the provider: the mean pulled towards the marketplace's (`RatingPrior.displayed`); nil
    /// before the first rating.
    public func displayedRating(_ prior: RatingPrior) -> Double? {
        hasRatings ? prior.displayed(average: ratingAverage, count: ratingCount) : nil
    }

    /// What "best rated" orders by — listings, search, proposals: the Wilson lower bound of the rating over its
    /// count (`RatingSummary.wilsonLowerBound`), so that one 5-star review does not outrank a hundred 4.9s.
    public var ratingBound: Double { RatingSummary.wilsonLowerBound(average: ratingAverage, count: ratingCount) }
}

extension ProviderStatistics {
    /// The record with the provider's closed projects counted: `completed` of the `closed` ones (completed or
    /// cancelled), and the completion rate between them (0 before any closed).
    public func counting(completed: Int, closed: Int) -> ProviderStatistics {
        ProviderStatistics(
            ratingAverage: ratingAverage, ratingCount: ratingCount, completedProjects: completed,
            completionRate: closed > 0 ? min(1, Double(completed) / Double(closed)) : 0, responseTimeMinutes: responseTimeMinutes
        )
    }
}
