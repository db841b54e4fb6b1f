import AgoraDomain
import Foundation

/// Counts the facets of a search over all its matches (not only the page). Every count is the total the same
/// search finds with that value added as a filter (the price bands' bounds are inclusive, like `min_rate` and
/// `max_rate`).
struct SearchFacetCounter {
    let snapshot: SearchSnapshot
    let tree: CategoryTree
    let currency: CurrencyCode

    /// The rating bands offered, highest first ("4.5 and up").
    static let ratingBands = [4.5, 4.0, 3.5, 3.0]

    func facets(of matches: [ProviderSearch.Match]) -> SearchFacets {
        var categories: [Int64: Int] = [:]
        var chains: [Int64: [Int64]] = [:]
        var skills = [Int](repeating: 0, count: snapshot.skills.values.count)
        var languages = [Int](repeating: 0, count: snapshot.languages.values.count)
        var countries = [Int](repeating: 0, count: snapshot.countries.values.count)
        var ratings = [Int](repeating: 0, count: Self.ratingBands.count)
        var rates: [Double] = []
        var counted: [Int64] = []
        let categoryLists = snapshot.categoryLists
        let skillLists = snapshot.skillLists
        let languageLists = snapshot.languageLists
        for match in matches {
            let entry = snapshot.entries[match.position]
            counted.removeAll(keepingCapacity: true)
            for index in entry.categories.range {
                let listed = categoryLists[index]
                let chain = chains[listed] ?? tree.countingCategories(of: listed)
                chains[listed] = chain
                for category in chain where !counted.contains(category) { counted.append(category) }
            }
            for category in counted { categories[category, default: 0] += 1 }
            for index in entry.skills.range { skills[Int(skillLists[index])] += 1 }
            for index in entry.languages.range { languages[Int(languageLists[index])] += 1 }
            if entry.country >= 0 { countries[Int(entry.country)] += 1 }
            if let rating = snapshot.shownRating(of: entry) {
                for (index, band) in Self.ratingBands.enumerated() where rating >= band { ratings[index] += 1 }
            }
            if let rate = match.rate { rates.append(rate) }
        }
        return SearchFacets(
            categories: categories.compactMap { id, count -> FacetCount? in
                guard let category = tree.category(id: id), tree.isVisible(category) else { return nil }
                return FacetCount(value: category.slug.value, label: category.name, count: count)
            }.sorted { ($1.count, $0.label) < ($0.count, $1.label) },
            skills: Array(skills.enumerated().filter { $0.element > 0 }.map { number, count in
                FacetCount(value: snapshot.skills.values[number], label: snapshot.skillLabels[Int32(number)] ?? snapshot.skills.values[number], count: count)
            }.sorted { ($1.count, $0.value) < ($0.count, $1.value) }.prefix(ProviderSearch.skillFacetSize)),
            languages: languages.enumerated().filter { $0.element > 0 }.map { number, count in
                let code = snapshot.languages.values[number]
                return FacetCount(value: code, label: LanguageNames.name(of: code), count: count)
            }.sorted { ($1.count, $0.value) < ($0.count, $1.value) },
            countries: countries.enumerated().filter { $0.element > 0 }.map { number, count in
                let code = snapshot.countries.values[number]
                return FacetCount(value: code, label: Countries.name(of: code), count: count)
            }.sorted { ($1.count, $0.value) < ($0.count, $1.value) },
            ratings: Self.ratingBands.enumerated().map { RatingBandCount(minimum: $1, count: ratings[$0]) },
            prices: priceBands(rates)
        )
    }

    /// Bands whose lower edges are round amounts near the lowest rate of each fifth of the matches.
    private func priceBands(_ rates: [Double]) -> [PriceBandCount] {
        guard !rates.isEmpty else { return [] }
        let sorted = rates.sorted()
        let tiles = min(PriceBands.quantiles, sorted.count)
        var minimums: [Int64] = []
        var start = 0
        for tile in 0..<tiles {
            minimums.append(Int64(sorted[start]))
            start += sorted.count / tiles + (tile < sorted.count % tiles ? 1 : 0)
        }
        let edges = PriceBands.edges(fromQuantileMinimums: minimums, minorUnitDigits: currency.minorUnitDigits)
        let highest = Int64(sorted[sorted.count - 1])
        return edges.enumerated().map { index, low in
            let high = index + 1 < edges.count ? edges[index + 1] - 1 : highest
            let count = sorted.count { $0 >= Double(low) && $0 <= Double(high) }
            return PriceBandCount(minimum: low, maximum: high, count: count)
        }
    }
}
