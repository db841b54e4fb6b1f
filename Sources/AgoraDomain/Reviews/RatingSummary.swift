import Foundation

/// A member's rating from their published reviews: the weighted mean (`RatingWeights`) that `BayesianRating` pulls
/// towards the marketplace's mean for display, the Wilson lower bound that "best rated" sorts by, the count of
/// reviews per star and the mean of each sub-rating. `init(_:at:)` is the one computation; the store keeps its
/// result beside the member's record whenever a review is published, hidden or restored.
public struct RatingSummary: Sendable, Hashable, Codable {
    public static let none = RatingSummary([], at: Date(timeIntervalSince1970: 0))

    public let count: Int
    /// The weighted mean of the ratings, 1 to 5; 0 without reviews.
    public let average: Double
    /// The Wilson lower bound (z = 1.96) of the weighted mean over the count, on the 1 to 5 scale; 0 without
    /// reviews. What "best rated" orders by everywhere (`ProviderStatistics.ratingBound`).
    public let lowerBound: Double
    /// How many reviews gave each number of stars: `distribution[0]` one star, `distribution[4]` five.
    public let distribution: [Int]
    /// The plain mean of each sub-rating over the reviews that rated it.
    public let subRatings: [SubRating: Double]

    public init(_ reviews: [RatedReview], at now: Date, weights: RatingWeights = .standard) {
        count = reviews.count
        var weighted = 0.0
        var total = 0.0
        var stars = [Int](repeating: 0, count: 5)
        var aspectSums: [SubRating: (sum: Int, count: Int)] = [:]
        for review in reviews {
            let weight = weights.weight(of: review, at: now)
            weighted += weight * Double(review.rating)
            total += weight
            stars[review.rating - 1] += 1
            for (aspect, rating) in review.subRatings {
                let sum = aspectSums[aspect] ?? (0, 0)
                aspectSums[aspect] = (sum.sum + rating, sum.count + 1)
            }
        }
        // Clamped: the weighted sums of equal ratings may round a hair past the scale.
        average = total > 0 ? min(5, max(1, weighted / total)) : 0
        distribution = stars
        subRatings = aspectSums.mapValues { Double($0.sum) / Double($0.count) }
        lowerBound = Self.wilsonLowerBound(average: average, count: count)
    }

    public init(count: Int, average: Double, lowerBound: Double, distribution: [Int], subRatings: [SubRating: Double]) {
        self.count = count
        self.average = average
        self.lowerBound = lowerBound
        self.distribution = distribution
        self.subRatings = subRatings
    }

    /// The rating shown and ranked by: the weighted mean pulled towards the marketplace's (`RatingPrior`).
    public func displayed(prior: RatingPrior) -> Double {
        prior.displayed(average: average, count: count)
    }

    /// The lower end of the 95 % Wilson interval of the share of the best rating (a mean of `average` stars counts
    /// (average − 1) / 4 of a success per review), back on the 1 to 5 scale: one 5-star review scores about 1.8, a
    /// hundred reviews of 4.9 on average about 4.7. What "best rated" sorts by.
    public static func wilsonLowerBound(average: Double, count: Int, z: Double = 1.96) -> Double {
        guard count > 0 else { return 0 }
        let n = Double(count)
        let share = min(1, max(0, (average - 1) / 4))
        let z2 = z * z
        let bound = (share + z2 / (2 * n) - z * ((share * (1 - share) + z2 / (4 * n)) / n).squareRoot()) / (1 + z2 / n)
        return 1 + 4 * max(0, bound)
    }
}

/// The rating month by month: how many reviews were published in each and their plain mean, oldest first.
public struct RatingTrend: Sendable, Hashable, Codable {
    public struct Month: Sendable, Hashable, Codable {
        /// `YYYY-MM`, in UTC.
        public let month: String
        public let count: Int
        public let average: Double
    }

    public let months: [Month]

    public static let none = RatingTrend(months: [])

    public init(months: [Month]) {
        self.months = months
    }

    /// The last `months` months up to `now`'s, each present even without reviews (count 0).
    public init(_ reviews: [RatedReview], months: Int, at now: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        func key(_ date: Date) -> String {
            let parts = calendar.dateComponents([.year, .month], from: date)
            return String(format: "%04d-%02d", parts.year ?? 0, parts.month ?? 0)
        }
        var sums: [String: (sum: Int, count: Int)] = [:]
        for review in reviews {
            let sum = sums[key(review.publishedAt)] ?? (0, 0)
            sums[key(review.publishedAt)] = (sum.sum + review.rating, sum.count + 1)
        }
        let start = calendar.date(from: calendar.dateComponents([.year, .month], from: now)) ?? now
        self.months = (0..<months).reversed().map { back in
            let month = key(calendar.date(byAdding: .month, value: -back, to: start) ?? start)
            let sum = sums[month] ?? (0, 0)
            return Month(month: month, count: sum.count, average: sum.count > 0 ? Double(sum.sum) / Double(sum.count) : 0)
        }
    }
}
