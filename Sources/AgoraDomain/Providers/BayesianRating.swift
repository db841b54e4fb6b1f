/// The rating providers are ranked by, wherever they are ranked (search, routing): the Bayesian average
///
///     B = (C·M + n·r) / (C + n)
///
/// the provider's mean `r` over `n` ratings pulled towards the marketplace's mean `M` with the weight of `C`
/// ratings, so that few ratings count for little and one 5-star review does not outrank a hundred 4.9s.
public struct BayesianRating: Sendable, Hashable, Codable {
    /// `M` before the marketplace has any rating.
    public static let defaultMarketplaceMean = 4.0

    /// `C`: how many ratings the marketplace's mean counts for.
    public var priorWeight: Double

    public init(priorWeight: Double = 10) {
        self.priorWeight = priorWeight
    }

    /// `B` on the ratings' own scale (1 to 5); the marketplace mean is `defaultMarketplaceMean` when nil.
    public func value(average: Double, count: Int, marketplaceMean: Double?) -> Double {
        let mean = marketplaceMean ?? Self.defaultMarketplaceMean
        return (priorWeight * mean + Double(count) * average) / (priorWeight + Double(count))
    }
}
