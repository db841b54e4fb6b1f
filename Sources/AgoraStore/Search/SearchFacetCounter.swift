import AgoraDomain
import SQLKit

/// Counts the facets of a search over its `matched` table. Every count is the total the same search would find
/// with that value added as a filter (the price bands' bounds are inclusive, like `min_rate` and `max_rate`).
struct SearchFacetCounter: Sendable {
    let store: Store
    let plan: SearchPlan
    let categories: CategoryTree

    /// The rating bands offered, highest first ("4.5 and up").
    static let ratingBands = [4.5, 4.0, 3.5, 3.0]

    func facets() async throws -> SearchFacets {
        // Each facet is its own read of `matched`: they run at once on the pool's connections.
        async let categories = categoryCounts()
        async let skills = rows("""
            SELECT lower(ps.name) AS value, MIN(ps.name) AS label, COUNT(DISTINCT m.id) AS n
            FROM matched m JOIN provider_skills ps ON ps.provider_id = m.id
            GROUP BY lower(ps.name) ORDER BY n DESC, value LIMIT \(bind: ProviderSearch.skillFacetSize)
            """)
        async let languages = rows("""
            SELECT pl.language_code AS value, COUNT(DISTINCT m.id) AS n
            FROM matched m JOIN provider_languages pl ON pl.provider_id = m.id
            GROUP BY pl.language_code ORDER BY n DESC, value
            """)
        async let countries = rows("""
            SELECT country AS value, COUNT(*) AS n FROM matched WHERE country IS NOT NULL
            GROUP BY country ORDER BY n DESC, value
            """)
        async let ratings = ratingCounts()
        async let prices = priceCounts()
        return SearchFacets(
            categories: try await categories,
            skills: try await skills.map {
                FacetCount(value: try $0.decode(column: "value", as: String.self), label: try $0.decode(column: "label", as: String.self), count: try $0.decode(column: "n", as: Int.self))
            },
            languages: try await languages.map { row in
                let code = try row.decode(column: "value", as: String.self)
                return FacetCount(value: code, label: LanguageNames.name(of: code), count: try row.decode(column: "n", as: Int.self))
            },
            countries: try await countries.map { row in
                let code = try row.decode(column: "value", as: String.self)
                return FacetCount(value: code, label: Countries.name(of: code), count: try row.decode(column: "n", as: Int.self))
            },
            ratings: try await ratings,
            prices: try await prices
        )
    }

    private func rows(_ tail: SQLQueryString) async throws -> [any SQLRow] {
        try await store.sql.raw(plan.with + " " + tail).all()
    }

    private func categoryCounts() async throws -> [FacetCount] {
        let counted = try await rows("""
            SELECT cc.ancestor_id AS category_id, COUNT(DISTINCT m.id) AS n
            FROM matched m JOIN provider_categories pc ON pc.provider_id = m.id
            JOIN category_closure cc ON cc.category_id = pc.category_id
            GROUP BY cc.ancestor_id
            """)
        var facets: [FacetCount] = []
        for row in counted {
            guard let category = categories.category(id: try row.decode(column: "category_id", as: Int64.self)),
                  categories.isVisible(category) else { continue }
            facets.append(FacetCount(value: category.slug.value, label: category.name, count: try row.decode(column: "n", as: Int.self)))
        }
        return facets.sorted { ($1.count, $0.label) < ($0.count, $1.label) }
    }

    private func ratingCounts() async throws -> [RatingBandCount] {
        var sql: SQLQueryString = "SELECT 0 AS unused"
        for (index, band) in Self.ratingBands.enumerated() {
            sql = sql + ", SUM(CASE WHEN reviews > 0 AND rating >= \(bind: band) THEN 1 ELSE 0 END) AS band\(unsafeRaw: String(index))"
        }
        guard let row = try await rows(sql + " FROM matched").first else { return [] }
        return try Self.ratingBands.enumerated().map { index, band in
            RatingBandCount(minimum: band, count: try row.decode(column: "band\(index)", as: Int?.self) ?? 0)
        }
    }

    /// Bands whose lower edges are round amounts near the lowest rate of each fifth of the matches.
    private func priceCounts() async throws -> [PriceBandCount] {
        let tiles = try await rows("""
            SELECT tile, MIN(rate_minor) AS low, MAX(rate_minor) AS high FROM (
                SELECT rate_minor, NTILE(\(unsafeRaw: String(PriceBands.quantiles))) OVER (ORDER BY rate_minor) AS tile
                FROM matched WHERE rate_minor IS NOT NULL
            ) AS tiles GROUP BY tile ORDER BY tile
            """)
        guard !tiles.isEmpty else { return [] }
        let lows = try tiles.map { Int64(try $0.decode(column: "low", as: Double.self)) }
        let highest = try tiles.map { Int64(try $0.decode(column: "high", as: Double.self)) }.max() ?? 0
        let digits = plan.currency.minorUnitDigits
        let edges = PriceBands.edges(fromQuantileMinimums: lows, minorUnitDigits: digits)
        let bounds = edges.enumerated().map { index, low in
            (low, index + 1 < edges.count ? edges[index + 1] - 1 : highest)
        }
        var sql: SQLQueryString = "SELECT 0 AS unused"
        for (index, bound) in bounds.enumerated() {
            sql = sql + ", SUM(CASE WHEN rate_minor >= \(bind: bound.0) AND rate_minor <= \(bind: bound.1) THEN 1 ELSE 0 END) AS band\(unsafeRaw: String(index))"
        }
        guard let row = try await rows(sql + " FROM matched").first else { return [] }
        return try bounds.enumerated().map { index, bound in
            PriceBandCount(minimum: bound.0, maximum: bound.1, count: try row.decode(column: "band\(index)", as: Int?.self) ?? 0)
        }
    }
}
