import AgoraDomain
import Foundation
import SQLKit

/// Runs provider searches on either engine: the engine's text index (`SearchIndex`) scores the words, and the
/// in-memory `SearchSnapshot` does the filters, the ranking (`RelevanceWeights`), keyset paging and the facets.
public struct ProviderSearch: Sendable {
    let store: Store
    let weights: RelevanceWeights

    /// Skills listed in the skills facet.
    public static let skillFacetSize = 20
    /// When the other filters keep at most this many providers, the text index is asked about those only.
    static let narrowTextSearch = 5_000

    public init(store: Store, weights: RelevanceWeights = RelevanceWeights()) {
        self.store = store
        self.weights = weights
    }

    /// One match: the provider (its id and its place in the snapshot), its rate in the search's currency, its
    /// closeness to the centre and its sort value.
    struct Match {
        let id: Int64
        let position: Int
        let rate: Double?
        let proximity: Double?
        var key: Double = 0
    }

    /// One page of providers matching `query`, the total and the facets. A category that is unknown or hidden
    /// is a field error on `category`.
    public func run(_ query: ProviderSearchQuery, snapshot: SearchSnapshot, categories tree: CategoryTree) async throws -> ProviderSearchResult {
        var inCategory: Int64?
        if let slug = query.categorySlug {
            guard let category = tree.category(slug: slug), tree.isVisible(category) else {
                throw ValidationError(field: "category", message: "is not a category of the marketplace")
            }
            inCategory = category.id
        }
        var matches = SearchFilter(query: query, snapshot: snapshot, tree: tree, category: inCategory).matches()
        var textScores: [Int64: Double] = [:]
        if !query.terms.isEmpty {
            let among = matches.count <= Self.narrowTextSearch ? matches.map(\.id) : nil
            textScores = try await store.engine.searchIndex.scores(
                query.terms, weights: weights, among: among, inCategory: inCategory, on: store.sql
            )
            matches = matches.filter { textScores[$0.id] != nil }
        }
        let prior = snapshot.ratingPrior
        for index in matches.indices {
            let match = matches[index]
            matches[index].key = sortKey(match, entry: snapshot.entries[match.position], sort: query.sort, text: textScores[match.id], prior: prior)
        }
        let descending = query.sort.descending
        func before(_ a: Match, _ b: Match) -> Bool {
            if a.key != b.key { return descending ? a.key > b.key : a.key < b.key }
            return descending ? a.id > b.id : a.id < b.id
        }
        var remaining = matches
        if let cursor = query.cursor {
            let mark = Match(id: cursor.providerID, position: -1, rate: nil, proximity: nil, key: cursor.value)
            remaining = remaining.filter { before(mark, $0) }
        }
        let shown = Array(remaining.sorted(by: before).prefix(query.limit + 1))
        let page = Array(shown.prefix(query.limit))
        let profiles = Dictionary(
            uniqueKeysWithValues: try await ProviderRepository(store: store).profiles(ids: page.map(\.id)).map { ($0.id, $0) }
        )
        let hits = page.compactMap { match -> ProviderSearchHit? in
            guard let profile = profiles[match.id] else { return nil }
            return ProviderSearchHit(
                profile: profile, convertedRate: match.rate.map { Int64($0) },
                distanceKilometres: match.proximity.map(GeoPoint.distanceKilometres(dotProduct:))
            )
        }
        let next = shown.count > query.limit ? page.last.map { SearchCursor(sort: query.sort, value: $0.key, providerID: $0.id) } : nil
        let facets = SearchFacetCounter(snapshot: snapshot, tree: tree, currency: query.currency).facets(of: matches)
        return ProviderSearchResult(hits: hits, total: matches.count, nextCursor: next, facets: facets, ratingPrior: prior)
    }

    /// The value a match is sorted by; see `RelevanceWeights` for the relevance formula.
    private func sortKey(_ match: Match, entry: SearchSnapshot.Entry, sort: SearchSort, text: Double?, prior: RatingPrior) -> Double {
        let bayes = weights.bayesianRating.value(average: entry.ratingAverage, count: entry.ratingCount, prior: prior)
        switch sort {
        case .relevance:
            let reviews = Double(entry.ratingCount)
            var relevance = weights.rating * bayes / 5 + weights.reviews * reviews / (reviews + weights.reviewsHalfScore)
                + weights.completion * entry.completionRate + weights.verified * (entry.verified ? 1 : 0)
            if let minutes = entry.responseMinutes { relevance += weights.response * 60 / (60 + Double(minutes)) }
            if let text, text > 0 { relevance += weights.text * text / (1 + text) }
            return relevance
        case .rating: return RatingSummary.wilsonLowerBound(average: entry.ratingAverage, count: entry.ratingCount)
        case .priceAscending: return match.rate ?? 1e18
        case .priceDescending: return match.rate ?? -1
        case .reviews: return Double(entry.ratingCount)
        case .distance: return match.proximity ?? -2
        case .newest: return entry.createdAt.timeIntervalSince1970
        }
    }
}
