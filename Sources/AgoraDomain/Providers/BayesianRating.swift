/// The rating members are shown with and providers ranked by, wherever they are (pages, cards, search, routing):
/// the Bayesian average
///
///     B = (C·M + n·r) / (C + n)
///
/// the member's mean `r` over `n` ratings pulled towards the marketplace's mean `M` (the `RatingPrior`) with the
/// weight of `C` ratings, so that few ratings count for little and one 5-star review does not outrank a hundred 4.9s.
public struct BayesianRating: Sendable, Hashable, Codable {
    /// `C`: how many ratings the marketplace's mean counts for.
    public var priorWeight: Double

    public init(priorWeight: Double = 10) {
        self.priorWeight = priorWeight
    }

    /// `B` on the ratings' own scale (1 to 5).
    public func value(average: Double, count: Int, prior: RatingPrior) -> Double {
        (priorWeight * prior.mean + Double(count) * average) / (priorWeight + Double(count))
    }
}
