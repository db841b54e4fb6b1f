/// The orders a provider search can be sorted in. Every order breaks ties by provider id, so paging is stable.
public enum SearchSort: String, Sendable, CaseIterable, Codable {
    /// Text score blended with quality (see `RelevanceWeights`).
    case relevance
    /// Best rated: the Wilson lower bound of the rating (`RatingSummary.wilsonLowerBound`), so that one 5-star
    /// review does not outrank a hundred 4.9s.
    case rating
    case priceAscending = "price_asc"
    case priceDescending = "price_desc"
    case reviews
    /// Nearest first; needs `near`.
    case distance
    case newest

    /// Whether larger sort values come first.
    public var descending: Bool { self != .priceAscending }
}
