import AgoraDomain
import Foundation
import SQLKit

/// The SQL of one search: a `WITH` clause whose last table, `matched`, holds every matching provider with the
/// columns that paging and facets read (`id`, `country`, `rating`, `reviews`, `rate_minor` in the search's
/// currency, `proximity`, `relevance`, `sort_key`).
struct SearchPlan: Sendable {
    let with: SQLQueryString
    /// The currency of `rate_minor`.
    let currency: CurrencyCode

    init(query: ProviderSearchQuery, categoryID: Int64?, engine: Store.Engine, weights: RelevanceWeights, marketplaceMean: Double) {
        currency = query.currency
        var clause: SQLQueryString = "WITH RECURSIVE " + CategoryClosure.cte
        let hasText = !query.terms.isEmpty
        if hasText {
            clause = clause + ", text_hits AS (" + engine.searchIndex.textHits(query.terms, weights: weights) + ")"
        }
        clause = clause + ", candidates AS (" + Self.candidates(query, categoryID: categoryID, engine: engine, weights: weights, mean: marketplaceMean, hasText: hasText) + ")"
        clause = clause + ", matched AS (SELECT candidates.*, CAST(" + Self.sortKey(query.sort) + " AS DOUBLE PRECISION) AS sort_key FROM candidates WHERE 1 = 1"
        if let minimum = query.minimumRate { clause = clause + " AND rate_minor >= \(bind: minimum)" }
        if let maximum = query.maximumRate { clause = clause + " AND rate_minor <= \(bind: maximum)" }
        if case .near(let circle) = query.place {
            clause = clause + " AND proximity >= " + sqlNumber(circle.minimumDotProduct)
        }
        with = clause + ")"
    }

    private static func candidates(
        _ query: ProviderSearchQuery, categoryID: Int64?, engine: Store.Engine, weights: RelevanceWeights, mean: Double, hasText: Bool
    ) -> SQLQueryString {
        let bayes = "((" + sqlNumber(weights.priorRatings * mean) + " + s.rating_count * s.rating_average) / (" + sqlNumber(weights.priorRatings) + " + s.rating_count))"
        var relevance: SQLQueryString = sqlNumber(weights.rating) + " * " + bayes + " / 5.0"
            + " + " + sqlNumber(weights.reviews) + " * (s.rating_count / (s.rating_count + " + sqlNumber(weights.reviewsHalfScore) + "))"
            + " + " + sqlNumber(weights.completion) + " * s.completion_rate"
            + " + " + sqlNumber(weights.response) + " * COALESCE(60.0 / (60.0 + s.response_time_minutes), 0.0)"
            + " + " + sqlNumber(weights.verified) + " * (CASE WHEN p.verified_at IS NULL THEN 0.0 ELSE 1.0 END)"
        if hasText {
            relevance = relevance + " + " + sqlNumber(weights.text) + " * (CASE WHEN t.raw_score > 0 THEN t.raw_score / (1.0 + t.raw_score) ELSE 0.0 END)"
        }
        var proximity: SQLQueryString = "CAST(NULL AS DOUBLE PRECISION)"
        if case .near(let circle) = query.place {
            let vector = circle.centre.unitVector
            proximity = "(g.geo_x * " + sqlNumber(vector.x) + " + g.geo_y * " + sqlNumber(vector.y) + " + g.geo_z * " + sqlNumber(vector.z) + ")"
        }
        let created: SQLQueryString = engine == .sqlite ? "p.created_at" : "EXTRACT(EPOCH FROM p.created_at)"
        var sql: SQLQueryString = "SELECT p.user_id AS id, p.country_code AS country, s.rating_average AS rating, s.rating_count AS reviews, "
            + rateExpression(query.currency) + " AS rate_minor, "
            + proximity + " AS proximity, "
            + "CAST(" + bayes + " AS DOUBLE PRECISION) AS bayes, "
            + "CAST(" + relevance + " AS DOUBLE PRECISION) AS relevance, "
            + "CAST(" + created + " AS DOUBLE PRECISION) AS created_key "
            + "FROM user_profiles p JOIN users u ON u.id = p.user_id JOIN user_statistics s ON s.user_id = p.user_id"
        if hasText { sql = sql + " JOIN text_hits t ON t.id = p.user_id" }
        if query.centre != nil { sql = sql + " JOIN provider_search g ON g.provider_id = p.user_id" }
        sql = sql + " WHERE " + ProviderRepository.publicFilter
        for filter in filters(query, categoryID: categoryID) { sql = sql + " AND " + filter }
        return sql
    }

    /// The conditions on profile columns; those on computed columns (rate, distance) are applied in `matched`.
    private static func filters(_ query: ProviderSearchQuery, categoryID: Int64?) -> [SQLQueryString] {
        var filters: [SQLQueryString] = []
        if let categoryID {
            filters.append("""
                p.user_id IN (SELECT pc.provider_id FROM provider_categories pc JOIN category_closure cc ON cc.category_id = pc.category_id
                WHERE cc.ancestor_id = \(bind: categoryID))
                """)
        }
        switch query.place {
        case .near(let circle)?:
            let band = circle.latitudeRange
            filters.append("p.latitude BETWEEN \(bind: band.lowerBound) AND \(bind: band.upperBound)")
        case .area(let country, let city)?:
            filters.append("p.country_code = \(bind: country)")
            if let city { filters.append("lower(p.city) = lower(\(bind: city))") }
        case .remote?:
            filters.append("p.remote = TRUE")
        case nil:
            break
        }
        if !query.skills.isEmpty {
            switch query.skillMatch {
            case .any:
                filters.append("p.user_id IN (SELECT provider_id FROM provider_skills WHERE lower(name) IN (\(binds: query.skills)))")
            case .all:
                for skill in query.skills {
                    filters.append("p.user_id IN (SELECT provider_id FROM provider_skills WHERE lower(name) = \(bind: skill))")
                }
            }
        }
        switch query.availability {
        case .now?:
            filters.append("p.availability <> 'unavailable'")
        case .on(let day)?:
            filters.append("(p.availability <> 'unavailable' OR (p.available_from IS NOT NULL AND p.available_from <= \(bind: day)))")
        case nil:
            break
        }
        if let rating = query.minimumRating {
            filters.append("s.rating_count > 0 AND s.rating_average >= \(bind: rating)")
        }
        if let reviews = query.minimumReviews {
            filters.append("s.rating_count >= \(bind: reviews)")
        }
        if !query.languages.isEmpty {
            filters.append("p.user_id IN (SELECT provider_id FROM provider_languages WHERE language_code IN (\(binds: query.languages)))")
        }
        if query.verifiedOnly {
            filters.append("p.verified_at IS NOT NULL")
        }
        if let joined = query.joinedAfter {
            filters.append("p.created_at > \(bind: joined)")
        }
        return filters
    }

    /// The hourly rate in minor units of `currency`, rounded to a whole minor unit (NULL without a rate).
    private static func rateExpression(_ currency: CurrencyCode) -> SQLQueryString {
        var expression: SQLQueryString = "CAST(ROUND(p.hourly_rate_minor * CASE p.hourly_rate_currency"
        for code in CurrencyCode.supported.sorted() {
            let factor = ExchangeRates.minorUnitFactor(from: try! CurrencyCode(code), to: currency)
            expression = expression + " WHEN '\(unsafeRaw: code)' THEN " + sqlNumber(factor)
        }
        return expression + " END) AS DOUBLE PRECISION)"
    }

    private static func sortKey(_ sort: SearchSort) -> SQLQueryString {
        switch sort {
        case .relevance: "relevance"
        case .rating: "bayes"
        case .priceAscending: "COALESCE(rate_minor, 1e18)"
        case .priceDescending: "COALESCE(rate_minor, -1.0)"
        case .reviews: "reviews"
        case .distance: "proximity"
        case .newest: "created_key"
        }
    }
}
