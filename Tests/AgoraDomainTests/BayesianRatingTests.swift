import AgoraDomain
import Testing

@Suite("The Bayesian rating")
struct BayesianRatingTests {
    @Test("few ratings are pulled towards the marketplace's mean, many barely move, none is the mean")
    func pull() {
        let rating = BayesianRating()
        #expect(rating.value(average: 0, count: 0, marketplaceMean: 4.4) == 4.4)
        #expect(abs(rating.value(average: 5, count: 1, marketplaceMean: 4) - 45.0 / 11) < 1e-9)
        #expect(abs(rating.value(average: 5, count: 10_000, marketplaceMean: 4) - 5) < 0.001)
        #expect(rating.value(average: 5, count: 1, marketplaceMean: nil) == rating.value(average: 5, count: 1, marketplaceMean: BayesianRating.defaultMarketplaceMean))
        #expect(rating.value(average: 5, count: 1, marketplaceMean: 4) < rating.value(average: 4.9, count: 100, marketplaceMean: 4),
                "one 5-star review does not outrank a hundred 4.9s")
    }

    @Test("search and routing rank ratings by the same rule", arguments: [(4.9, 3), (3.2, 40), (5.0, 0), (1.0, 7)])
    func searchAndRoutingAgree(average: Double, count: Int) {
        let search = RelevanceWeights().bayesianRating.value(average: average, count: count, marketplaceMean: 4.3)
        let routing = RoutingScore.rating(average: average, count: count, marketplaceMean: 4.3) * 5
        #expect(abs(search - routing) < 1e-12)
    }
}
