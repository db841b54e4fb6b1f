import AgoraDomain
import AgoraStore

/// The providers each provider's page shows as similar: those of the same primary category nearest to it in the
/// listings' order, two ranked above and two below it (more on one side at either end of the ranking).
///
/// Neighbours rather than the category's best, so that each provider is shown on at most `shown` other pages: an
/// edit republishes a handful of pages rather than every page of its category, and a provider moving in the
/// ranking changes the choice only around the places it left and reached (everyone between keeps the same
/// neighbours, one place further on).
struct SimilarProviders: Sendable {
    /// How many a page shows.
    static let shown = 4

    /// The providers whose primary category is one of those read, ranked as in listings, by category id.
    let ranked: [Int64: [ProviderPlace]]
    private let chosen: [Int64: [RankedProvider]]

    /// The choice among `places`: every published provider in a category, or every one linked to the categories
    /// the choice is made for (`PageSources.similarProviders(primaryIn:)`), of which only those are grouped.
    init(_ places: [ProviderPlace], categories: CategoryTree, primaryIn wanted: Set<Int64>? = nil) {
        var ranked: [Int64: [ProviderPlace]] = [:]
        for place in places {
            guard let primary = categories.shown(place.categorySlugs).first, wanted?.contains(primary.id) ?? true else { continue }
            ranked[primary.id, default: []].append(place)
        }
        var chosen: [Int64: [RankedProvider]] = [:]
        for (category, members) in ranked {
            let ordered = members.sorted { $0.isRanked(before: $1) }
            ranked[category] = ordered
            for (index, place) in ordered.enumerated() {
                let start = max(0, min(index - Self.shown / 2, ordered.count - Self.shown - 1))
                let end = min(ordered.count, start + Self.shown + 1)
                chosen[place.id] = ordered[start..<end].filter { $0.id != place.id }.map { RankedProvider(id: $0.id, updatedAt: $0.updatedAt) }
            }
        }
        self.ranked = ranked
        self.chosen = chosen
    }

    /// The providers the page of this provider shows, in the listings' order; none when it is in no visible category.
    func of(_ providerID: Int64) -> [RankedProvider] { chosen[providerID] ?? [] }
}
