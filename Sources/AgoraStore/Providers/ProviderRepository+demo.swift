import AgoraDomain
import SQLKit

extension ProviderRepository {
    /// The seeded provider a demo signs in as: the best rated published, available provider of the busiest
    /// category, so that orders posted there reach them. Nil when there is no such provider.
    public func demoProvider() async throws -> (id: Int64, email: String)? {
        guard let row = try await store.sql.raw("""
            SELECT u.id, u.email FROM users u
            JOIN user_profiles p ON p.user_id = u.id AND p.published = TRUE AND p.availability = \(state: Availability.available)
            JOIN provider_categories pc ON pc.provider_id = u.id
            LEFT JOIN user_statistics s ON s.user_id = u.id
            WHERE pc.category_id = (SELECT category_id FROM provider_categories GROUP BY category_id ORDER BY COUNT(*) DESC, category_id LIMIT 1)
            ORDER BY COALESCE(s.rating_bound, 0) DESC, u.id LIMIT 1
            """).first() else { return nil }
        return (try row.decode(column: "id", as: Int64.self), try row.decode(column: "email", as: String.self))
    }
}
