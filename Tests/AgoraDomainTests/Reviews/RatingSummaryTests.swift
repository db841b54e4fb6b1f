import AgoraDomain
import Foundation
import Testing

@Suite("Ratings from reviews")
struct RatingSummaryTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// The summary worked out the long way: every weight from its definition, every count by a filter.
    func bruteForce(_ reviews: [RatedReview]) -> (average: Double, distribution: [Int], aspects: [SubRating: Double]) {
        var numerator = 0.0
        var denominator = 0.0
        for review in reviews {
            let age = now.timeIntervalSince(review.publishedAt) / 86_400
            let weight = pow(2, -age / 365) * (1 + log10(1 + review.projectValue / 100))
            numerator += weight * Double(review.rating)
            denominator += weight
        }
        var aspects: [SubRating: Double] = [:]
        for aspect in SubRating.allCases {
            let rated = reviews.compactMap { $0.subRatings[aspect] }
            if !rated.isEmpty { aspects[aspect] = Double(rated.reduce(0, +)) / Double(rated.count) }
        }
        return (denominator > 0 ? numerator / denominator : 0, (1...5).map { stars in reviews.filter { $0.rating == stars }.count }, aspects)
    }

    @Test("the weighted mean, the stars and the sub-ratings match a brute-force computation on random reviews")
    func againstBruteForce() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let reviews = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                RatedReview(
                    rating: Int.random(in: 1...5, using: &generator),
                    subRatings: Dictionary(uniqueKeysWithValues: SubRating.allCases.filter { _ in Bool.random(using: &generator) }.map { ($0, Int.random(in: 1...5, using: &generator)) }),
                    publishedAt: now.addingTimeInterval(-Double.random(in: 0...(5 * 365 * 86_400), using: &generator)),
                    projectValue: Double.random(in: 0...50_000, using: &generator)
                )
            }
            let summary = RatingSummary(reviews, at: now)
            let expected = bruteForce(reviews)
            #expect(summary.count == reviews.count)
            #expect(abs(summary.average - expected.average) < 1e-9)
            #expect(summary.distribution == expected.distribution)
            #expect(summary.subRatings.keys == expected.aspects.keys)
            for (aspect, mean) in expected.aspects { #expect(abs((summary.subRatings[aspect] ?? 0) - mean) < 1e-9) }
            if !reviews.isEmpty {
                #expect((1.0...5.0).contains(summary.average) && summary.lowerBound <= summary.average + 1e-9)
                #expect(abs(summary.lowerBound - RatingSummary.wilsonLowerBound(average: expected.average, count: reviews.count)) < 1e-9)
            }
        }
    }

    @Test("older reviews and smaller projects count less")
    func weighting() {
        let recentFive = RatedReview(rating: 5, publishedAt: now, projectValue: 1_000)
        let oldOne = RatedReview(rating: 1, publishedAt: now.addingTimeInterval(-3 * 365 * 86_400), projectValue: 1_000)
        #expect(RatingSummary([recentFive, oldOne], at: now).average > 4.5, "a review three years old counts an eighth")
        let bigFive = RatedReview(rating: 5, publishedAt: now, projectValue: 100_000)
        let tinyOne = RatedReview(rating: 1, publishedAt: now, projectValue: 0)
        let mixed = RatingSummary([bigFive, tinyOne], at: now).average
        #expect(mixed > 3 && mixed < 4.3, "a project a thousand times bigger counts about four times as much, not a thousand: \(mixed)")
        #expect(RatingSummary([], at: now) == RatingSummary.none && RatingSummary.none.average == 0)
    }

    @Test("best rated by the Wilson bound: one 5-star review does not outrank a hundred that average 4.9")
    func wilson() {
        let one = RatingSummary.wilsonLowerBound(average: 5, count: 1)
        let hundred = RatingSummary.wilsonLowerBound(average: 4.9, count: 100)
        #expect(abs(one - 1.826) < 0.01 && abs(hundred - 4.69) < 0.01)
        #expect(one < hundred)
        #expect(RatingSummary.wilsonLowerBound(average: 0, count: 0) == 0 && abs(RatingSummary.wilsonLowerBound(average: 1, count: 3) - 1) < 1e-9)
        #expect(RatingSummary.wilsonLowerBound(average: 5, count: 1_000) > 4.98)
        let bounds = [(5.0, 1), (4.9, 100), (4.5, 3), (0.0, 0)].map { ProviderStatistics(ratingAverage: $0.0, ratingCount: $0.1, completedProjects: 0, completionRate: 0, responseTimeMinutes: nil).ratingBound }
        #expect(bounds == [one, hundred, RatingSummary.wilsonLowerBound(average: 4.5, count: 3), 0], "a provider's record ranks by the same bound")
    }

    @Test("the displayed rating is the Bayesian rating of the weighted mean")
    func displayed() {
        let summary = RatingSummary([RatedReview(rating: 5, publishedAt: now, projectValue: 500)], at: now)
        #expect(summary.displayed(prior: .standard) == BayesianRating().value(average: 5, count: 1, prior: .standard))
    }

    @Test("the trend has every month of the span, oldest first, with its count and mean")
    func trend() throws {
        let calendar = Calendar(identifier: .gregorian)
        let march = try #require(calendar.date(from: DateComponents(timeZone: .gmt, year: 2026, month: 3, day: 15)))
        let may = try #require(calendar.date(from: DateComponents(timeZone: .gmt, year: 2026, month: 5, day: 31, hour: 23)))
        let reviews = [
            RatedReview(rating: 4, publishedAt: march, projectValue: 0), RatedReview(rating: 5, publishedAt: march, projectValue: 0),
            RatedReview(rating: 2, publishedAt: may, projectValue: 0), RatedReview(rating: 5, publishedAt: march.addingTimeInterval(-400 * 86_400), projectValue: 0),
        ]
        let trend = RatingTrend(reviews, months: 3, at: may)
        #expect(trend.months.map(\.month) == ["2026-03", "2026-04", "2026-05"])
        #expect(trend.months.map(\.count) == [2, 0, 1])
        #expect(trend.months.map(\.average) == [4.5, 0, 2])
    }
}
