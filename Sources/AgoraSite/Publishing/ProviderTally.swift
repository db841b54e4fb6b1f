import AgoraDomain

/// What one provider's page adds to the homepage's figures. The manifest keeps it with the page and keeps the
/// sums (`ProviderTotals`) as pages are written and removed, so that the homepage's figures follow the provider
/// pages the site holds change by change, without counting every provider again.
struct ProviderTally: Equatable, Sendable {
    /// The country the profile's location names, if any.
    let countryCode: String?
    let ratings: Int
    /// The rating times the number of ratings, in thousandths of a star: integers sum alike in any order, so sums
    /// kept change by change equal sums counted afresh.
    let ratingPoints: Int
    /// The top-level categories whose trees hold any of the provider's categories, whether shown or not.
    let topCategoryIDs: [Int64]

    init(countryCode: String?, ratings: Int, ratingPoints: Int, topCategoryIDs: [Int64]) {
        self.countryCode = countryCode
        self.ratings = ratings
        self.ratingPoints = ratingPoints
        self.topCategoryIDs = topCategoryIDs
    }

    init(_ provider: ProviderProfile, categories: CategoryTree) {
        countryCode = provider.location?.countryCode
        ratings = provider.statistics.ratingCount
        ratingPoints = Int((provider.statistics.ratingAverage * Double(provider.statistics.ratingCount) * 1_000).rounded())
        var tops: [Int64] = []
        for slug in provider.categorySlugs {
            guard let category = categories.category(slug: slug), let top = categories.path(to: category).first else { continue }
            if !tops.contains(top.id) { tops.append(top.id) }
        }
        topCategoryIDs = tops.sorted()
    }
}

/// The sums of the tallies of every provider page the site holds: what the homepage counts.
struct ProviderTotals: Equatable, Sendable {
    var providers = 0
    var ratings = 0
    var ratingPoints = 0
    /// Providers per country, for the countries that have any.
    var countries: [String: Int] = [:]
    /// Providers per top-level category, for the categories that have any.
    var byTopCategory: [Int64: Int] = [:]

    /// Mean of every rating given; nil before the first one.
    var averageRating: Double? { ratings > 0 ? Double(ratingPoints) / 1_000 / Double(ratings) : nil }

    /// The counters a tally moves, by the names the manifest keeps them under, and by how much.
    static func counters(of tally: ProviderTally) -> [(name: String, amount: Int)] {
        var counters = [("providers", 1), ("ratings", tally.ratings), ("rating_points", tally.ratingPoints)]
        if let country = tally.countryCode { counters.append(("country:" + country, 1)) }
        counters += tally.topCategoryIDs.map { ("category:\($0)", 1) }
        return counters
    }

    /// The totals from the manifest's counters.
    init(counters: [(name: String, value: Int)]) {
        for (name, value) in counters {
            switch name {
            case "providers": providers = value
            case "ratings": ratings = value
            case "rating_points": ratingPoints = value
            default:
                if name.hasPrefix("country:") {
                    countries[String(name.dropFirst("country:".count))] = value
                } else if name.hasPrefix("category:"), let id = Int64(name.dropFirst("category:".count)) {
                    byTopCategory[id] = value
                }
            }
        }
    }

    init() {}
}
