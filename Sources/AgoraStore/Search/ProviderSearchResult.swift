import AgoraDomain

/// One provider found by a search, with what the result card shows beyond the profile.
public struct ProviderSearchHit: Sendable {
    public let profile: ProviderProfile
    /// The hourly rate converted to the search's currency, in its minor units.
    public let convertedRate: Int64?
    /// From the search's `near` centre.
    public let distanceKilometres: Double?
}

/// A count of matching providers for one value of a facet.
public struct FacetCount: Hashable, Sendable, Codable {
    public let value: String
    public let label: String
    public let count: Int

    public init(value: String, label: String, count: Int) {
        self.value = value
        self.label = label
        self.count = count
    }
}

/// Providers in a band of hourly rates, both bounds inclusive, in minor units of the search's currency.
public struct PriceBandCount: Hashable, Sendable, Codable {
    public let minimum: Int64
    public let maximum: Int64
    public let count: Int
}

/// Providers rated at least `minimum` stars.
public struct RatingBandCount: Hashable, Sendable, Codable {
    public let minimum: Double
    public let count: Int
}

/// The facets of a search: counts over every matching provider (not only the page), each equal to the total a
/// search with that value added as a filter would find.
public struct SearchFacets: Sendable {
    /// Every visible category with at least one match, counting its descendants' providers.
    public let categories: [FacetCount]
    /// The most common skills, most frequent first.
    public let skills: [FacetCount]
    public let languages: [FacetCount]
    public let countries: [FacetCount]
    public let ratings: [RatingBandCount]
    public let prices: [PriceBandCount]
}

/// A page of search results.
public struct ProviderSearchResult: Sendable {
    public let hits: [ProviderSearchHit]
    /// How many providers match in all.
    public let total: Int
    /// Where the next page starts; nil on the last page.
    public let nextCursor: SearchCursor?
    public let facets: SearchFacets
    /// The prior the hits' displayed ratings are computed with: the snapshot's.
    public let ratingPrior: RatingPrior
}
