import AgoraDomain
import Foundation
import SQLKit

/// Runs provider searches on either engine: the engine's text index (`SearchIndex`) finds the words, shared SQL
/// does the filters, the ranking (`RelevanceWeights`), keyset paging and the facets.
public struct ProviderSearch: Sendable {
    let store: Store
    let weights: RelevanceWeights

    /// The Bayesian prior when no provider has a rating yet.
    public static let defaultMeanRating = 4.0
    /// Skills listed in the skills facet.
    public static let skillFacetSize = 20

    public init(store: Store, weights: RelevanceWeights = RelevanceWeights()) {
        self.store = store
        self.weights = weights
    }

    /// The mean of every rating of every public provider: the prior of the Bayesian rating. It moves slowly, so
    /// callers keep it for a while.
    public func marketplaceMeanRating() async throws -> Double {
        let row = try await store.sql.raw("""
            SELECT SUM(s.rating_average * s.rating_count) AS points, SUM(s.rating_count) AS ratings
            FROM user_statistics s JOIN user_profiles p ON p.user_id = s.user_id JOIN users u ON u.id = p.user_id
            WHERE \(ProviderRepository.publicFilter) AND s.rating_count > 0
            """).first()
        guard let ratings = try row?.decode(column: "ratings", as: Int?.self), ratings > 0,
              let points = try row?.decode(column: "points", as: Double?.self) else { return Self.defaultMeanRating }
        return points / Double(ratings)
    }

    /// One page of providers matching `query`, the total and the facets. A category that is unknown or hidden
    /// is a field error on `category`.
    public func run(_ query: ProviderSearchQuery, categories: CategoryTree, marketplaceMean: Double) async throws -> ProviderSearchResult {
        var categoryID: Int64?
        if let slug = query.categorySlug {
            guard let category = categories.category(slug: slug), categories.isVisible(category) else {
                throw ValidationError(field: "category", message: "is not a category of the marketplace")
            }
            categoryID = category.id
        }
        let plan = SearchPlan(query: query, categoryID: categoryID, engine: store.engine, weights: weights, marketplaceMean: marketplaceMean)

        var page: SQLQueryString = plan.with + " SELECT id, sort_key, rate_minor, proximity FROM matched"
        if let cursor = query.cursor {
            let comparison = query.sort.descending ? "<" : ">"
            page = page + " WHERE (sort_key \(unsafeRaw: comparison) \(bind: cursor.value) OR (sort_key = \(bind: cursor.value) AND id \(unsafeRaw: comparison) \(bind: cursor.providerID)))"
        }
        let direction = query.sort.descending ? "DESC" : "ASC"
        page = page + " ORDER BY sort_key \(unsafeRaw: direction), id \(unsafeRaw: direction) LIMIT \(bind: query.limit + 1)"
        // The page, the total and the facets are independent reads: they run at once on the pool's connections.
        async let pageRows = store.sql.raw(page).all()
        async let counted = store.sql.raw(plan.with + " SELECT COUNT(*) AS n FROM matched").first()
        async let facets = SearchFacetCounter(store: store, plan: plan, categories: categories).facets()
        let rows = try await pageRows

        struct Row {
            let id: Int64
            let sortKey: Double
            let rate: Double?
            let proximity: Double?
        }
        let found = try rows.map { row in
            Row(
                id: try row.decode(column: "id", as: Int64.self),
                sortKey: try row.decode(column: "sort_key", as: Double.self),
                rate: try row.decode(column: "rate_minor", as: Double?.self),
                proximity: try row.decode(column: "proximity", as: Double?.self)
            )
        }
        let shown = Array(found.prefix(query.limit))
        let profiles = Dictionary(
            uniqueKeysWithValues: try await ProviderRepository(store: store).profiles(ids: shown.map(\.id)).map { ($0.id, $0) }
        )
        let hits = shown.compactMap { row -> ProviderSearchHit? in
            guard let profile = profiles[row.id] else { return nil }
            return ProviderSearchHit(
                profile: profile, convertedRate: row.rate.map { Int64($0) },
                distanceKilometres: row.proximity.map(GeoPoint.distanceKilometres(dotProduct:)), sortValue: row.sortKey
            )
        }
        let next = found.count > query.limit ? shown.last.map { SearchCursor(sort: query.sort, value: $0.sortKey, providerID: $0.id) } : nil
        let total = try await counted?.decode(column: "n", as: Int.self) ?? 0
        return ProviderSearchResult(hits: hits, total: total, nextCursor: next, facets: try await facets)
    }
}
