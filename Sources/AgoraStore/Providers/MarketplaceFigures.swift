/// Headline numbers about the marketplace, shown on the homepage.
public struct MarketplaceFigures: Sendable, Hashable {
    public let providers: Int
    public let countries: Int
    public let ratings: Int
    /// Mean of every rating given; nil before the first one.
    public let averageRating: Double?
}
