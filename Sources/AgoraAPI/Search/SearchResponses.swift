import AgoraDomain
import AgoraStore

/// An amount as the API shows money: integer minor units, the same in major units as requests take it back
/// (`2500.50`; the currency's own number of decimals), the currency, and the text pages display.
struct MoneyBody: Encodable {
    let amountMinor: Int64
    let amount: String
    let currency: String
    let formatted: String

    init(_ money: Money) {
        amountMinor = money.minorUnits
        amount = money.majorText
        currency = money.currency.code
        formatted = money.formatted
    }
}

/// A provider card in search results: the provider's facts, and `card`, the texts every listing shows.
struct ProviderCardBody: Encodable {
    /// The card's facts written as the generated listings write them (the domain's `ProviderCard`).
    struct CardText: Encodable {
        let initials: String
        let location: String?
        let rate: String?
        let rating: String?
        let ratingCount: Int
        let skills: [String]
        let availability: String
        let isAvailable: Bool
        let badges: [BadgeBody]

        init(_ card: ProviderCard) {
            initials = card.initials
            location = card.location
            rate = card.rate
            rating = card.rating
            ratingCount = card.ratingCount
            skills = card.skills
            availability = card.availability
            isAvailable = card.isAvailable
            badges = card.badges.map(BadgeBody.init)
        }
    }

    /// A rating as cards show it: `displayed` (`RatingPrior.displayed`, to the tenth) is the figure; `average` the
    /// weighted mean of the reviews it comes from. Both absent before the first rating.
    struct Rating: Encodable {
        let displayed: Double?
        let average: Double?
        let count: Int

        init(average: Double, count: Int, prior: RatingPrior) {
            displayed = count > 0 ? RatingText.shown(prior.displayed(average: average, count: count)) : nil
            self.average = count > 0 ? (average * 100).rounded() / 100 : nil
            self.count = count
        }
    }

    struct Location: Encodable {
        let city: String
        let region: String?
        let countryCode: String
        let country: String
    }

    let id: Int64
    let slug: String
    let url: String
    let name: String
    let title: String
    let photoUrl: String?
    let rating: Rating
    let completedProjects: Int
    let hourlyRate: MoneyBody?
    /// The rate in the search's currency, for comparing.
    let convertedRate: MoneyBody?
    let location: Location?
    let remote: Bool
    let availability: String
    let availabilityLabel: String
    let verified: Bool
    let skills: [String]
    let languages: [String]
    let distanceKm: Double?
    let card: CardText

    init(_ hit: ProviderSearchHit, currency: CurrencyCode, prior: RatingPrior) {
        self.init(
            hit.profile, prior: prior, convertedRate: hit.convertedRate.map { Money(minorUnits: $0, currency: currency) },
            distanceKilometres: hit.distanceKilometres
        )
    }

    init(_ profile: ProviderProfile, prior: RatingPrior, convertedRate: Money? = nil, distanceKilometres: Double? = nil) {
        id = profile.id
        slug = profile.slug.value
        url = PagePaths.provider(profile.slug)
        name = profile.displayName
        title = profile.title
        photoUrl = profile.photo?.fallbackURL(cssWidth: ProfilePhoto.cardWidth)
        rating = Rating(average: profile.statistics.ratingAverage, count: profile.statistics.ratingCount, prior: prior)
        completedProjects = profile.statistics.completedProjects
        hourlyRate = profile.hourlyRate.map(MoneyBody.init)
        self.convertedRate = convertedRate.map(MoneyBody.init)
        location = profile.location.map {
            Location(city: $0.city, region: $0.region, countryCode: $0.countryCode, country: Countries.name(of: $0.countryCode))
        }
        remote = profile.remote
        availability = profile.availability.rawValue
        availabilityLabel = profile.availability.label
        verified = profile.verified
        skills = profile.skills
        languages = profile.languages
        distanceKm = distanceKilometres.map { ($0 * 10).rounded() / 10 }
        card = CardText(ProviderCard(profile, prior: prior))
    }
}

/// A band of the price facet, with its bounds as amounts.
struct PriceBandBody: Encodable {
    let minimum: MoneyBody
    let maximum: MoneyBody
    let label: String
    let count: Int

    init(_ band: PriceBandCount, currency: CurrencyCode) {
        let low = Money(minorUnits: band.minimum, currency: currency)
        let high = Money(minorUnits: band.maximum, currency: currency)
        minimum = MoneyBody(low)
        maximum = MoneyBody(high)
        label = band.minimum == band.maximum ? low.formatted : "\(low.formatted) – \(high.formatted)"
        count = band.count
    }
}

struct FacetsBody: Encodable {
    let categories: [FacetCount]
    let skills: [FacetCount]
    let languages: [FacetCount]
    let countries: [FacetCount]
    let ratings: [RatingBandCount]
    let prices: [PriceBandBody]
}

/// The answer of `GET /api/search/providers`.
struct ProviderSearchBody: Encodable {
    let total: Int
    let limit: Int
    let sort: String
    let currency: String
    let nextCursor: String?
    let providers: [ProviderCardBody]
    let facets: FacetsBody

    init(_ result: ProviderSearchResult, query: ProviderSearchQuery) {
        total = result.total
        limit = query.limit
        sort = query.sort.rawValue
        currency = query.currency.code
        nextCursor = result.nextCursor?.token
        providers = result.hits.map { ProviderCardBody($0, currency: query.currency, prior: result.ratingPrior) }
        facets = FacetsBody(
            categories: result.facets.categories, skills: result.facets.skills, languages: result.facets.languages,
            countries: result.facets.countries, ratings: result.facets.ratings,
            prices: result.facets.prices.map { PriceBandBody($0, currency: query.currency) }
        )
    }
}

/// The answer of `GET /api/search/suggestions`.
struct SuggestionsBody: Encodable {
    let query: String
    let suggestions: [Suggestion]
}

/// A provider's badge: its key (`ProviderBadge`), label and meaning.
struct BadgeBody: Encodable {
    let key: String
    let label: String
    let meaning: String

    init(_ badge: ProviderBadge) {
        key = badge.rawValue
        label = badge.label
        meaning = badge.meaning
    }
}
