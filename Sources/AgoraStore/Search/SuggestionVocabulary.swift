import AgoraDomain
import Foundation
import SQLKit

/// What the search box can suggest: visible categories, skills and the names of public providers, each
/// weighted by how many providers stand behind it, and the queries people searched most in the last
/// `popularDays` days that usually found something, weighted by searches.
public enum SuggestionVocabulary {
    public static let popularDays = 30
    /// A query searched fewer times is nobody's habit yet, and may be someone's private words.
    public static let popularMinimumSearches = 3
    public static let popularLimit = 500

    public static func load(from store: Store, now: Date) async throws -> [Suggestion] {
        let tree = try await CategoryRepository(store: store).tree()
        let counts = try await CategoryRepository(store: store).providerCounts()
        var suggestions = tree.all.filter(tree.isVisible).map { category in
            Suggestion(kind: .category, text: category.name, slug: category.slug.value, weight: counts[category.id] ?? 0)
        }
        suggestions += try await store.sql.raw("""
            SELECT MIN(ps.name) AS label, COUNT(DISTINCT ps.provider_id) AS n
            FROM provider_skills ps JOIN user_profiles p ON p.user_id = ps.provider_id JOIN users u ON u.id = p.user_id
            WHERE \(ProviderRepository.publicFilter) GROUP BY lower(ps.name)
            """).all().map { row in
            Suggestion(kind: .skill, text: try row.decode(column: "label", as: String.self), weight: try row.decode(column: "n", as: Int.self))
        }
        suggestions += try await store.sql.raw("""
            SELECT u.first_name, u.last_name, p.slug, s.rating_count
            FROM user_profiles p JOIN users u ON u.id = p.user_id JOIN user_statistics s ON s.user_id = p.user_id
            WHERE \(ProviderRepository.publicFilter)
            """).all().map { row in
            Suggestion(
                kind: .provider,
                text: try row.decode(column: "first_name", as: String.self) + " " + (try row.decode(column: "last_name", as: String.self)),
                slug: try row.decode(column: "slug", as: String.self),
                weight: try row.decode(column: "rating_count", as: Int.self)
            )
        }
        let since = SearchTally.day(of: now.addingTimeInterval(-Double(popularDays - 1) * 86_400))
        suggestions += try await SearchStatisticsRepository(store: store)
            .popularQueries(since: since, minimumSearches: popularMinimumSearches, limit: popularLimit)
            .map { Suggestion(kind: .query, text: $0.query, weight: $0.searches) }
        return suggestions
    }
}
