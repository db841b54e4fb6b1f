/// The marketplace's mean rating as everything shown or ranked uses it: the `M` that `BayesianRating` pulls each
/// member's rating towards. It is the exact mean of the public providers' ratings rounded to a tenth, and it follows
/// the exact mean only once that has moved `margin` away: static pages carry ratings computed with it, and a change
/// of the prior rebuilds every page that shows one, so a mean sitting on the midpoint between two tenths must not
/// flip it with every review. The store keeps the one current prior; the pages, the API, search and routing read it.
public struct RatingPrior: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The prior before the marketplace has any rating.
    public static let standard = RatingPrior(tenths: 40)
    /// How far the exact mean must be from the prior before the prior follows it: past the midpoint to the next
    /// tenth by a quarter of a tenth, so that the way back is half a tenth long.
    public static let margin = 0.075

    /// The prior in tenths of a star, 10 to 50.
    public let tenths: Int

    public init(tenths: Int) {
        self.tenths = min(50, max(10, tenths))
    }

    /// `M`, 1.0 to 5.0.
    public var mean: Double { Double(tenths) / 10 }

    /// The prior once the exact mean is `exactMean` (nil: no rating left on the marketplace).
    public func following(_ exactMean: Double?) -> RatingPrior {
        guard let exactMean else { return .standard }
        guard abs(exactMean - mean) >= Self.margin else { return self }
        return RatingPrior(tenths: Int((exactMean * 10).rounded()))
    }

    /// The rating shown for a member whose weighted mean is `average` over `count` ratings, 1 to 5.
    public func displayed(average: Double, count: Int) -> Double {
        BayesianRating().value(average: average, count: count, prior: self)
    }

    public var description: String { RatingText.format(mean) }
}
