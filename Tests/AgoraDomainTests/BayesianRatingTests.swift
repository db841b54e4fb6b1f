import AgoraDomain
import Testing

@Suite("The Bayesian rating")
struct BayesianRatingTests {
    @Test("few ratings are pulled towards the marketplace's mean, many barely move, none is the mean")
    func pull() {
        let rating = BayesianRating()
        let four = RatingPrior(tenths: 40)
        #expect(rating.value(average: 0, count: 0, prior: RatingPrior(tenths: 44)) == 4.4)
        #expect(abs(rating.value(average: 5, count: 1, prior: four) - 45.0 / 11) < 1e-9)
        #expect(abs(rating.value(average: 5, count: 10_000, prior: four) - 5) < 0.001)
        #expect(rating.value(average: 5, count: 1, prior: four) < rating.value(average: 4.9, count: 100, prior: four),
                "one 5-star review does not outrank a hundred 4.9s")
    }

    @Test("search and routing rank ratings by the rule pages display", arguments: [(4.9, 3), (3.2, 40), (5.0, 0), (1.0, 7)])
    func searchRoutingAndPagesAgree(average: Double, count: Int) {
        let prior = RatingPrior(tenths: 43)
        let search = RelevanceWeights().bayesianRating.value(average: average, count: count, prior: prior)
        let routing = RoutingScore.rating(average: average, count: count, prior: prior) * 5
        let shown = prior.displayed(average: average, count: count)
        #expect(abs(search - routing) < 1e-12 && abs(search - shown) < 1e-12)
    }
}
