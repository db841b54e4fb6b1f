import AgoraDomain
import Foundation
import SQLKit

extension ProviderRepository {
    /// Every published provider in a category, or only those linked to any of `categoryIDs`, with its place and
    /// its categories: one pass over the category links, for the build to choose each page's similar providers.
    public func places(inCategories categoryIDs: [Int64]? = nil) async throws -> [ProviderPlace] {
        if let categoryIDs, categoryIDs.isEmpty { return [] }
        var query: SQLQueryString = """
            SELECT \(Self.stampColumns), c.slug AS category_slug
            FROM user_profiles p JOIN users u ON u.id = p.user_id JOIN user_statistics s ON s.user_id = p.user_id
            JOIN provider_categories pc ON pc.provider_id = p.user_id JOIN categories c ON c.id = pc.category_id
            WHERE \(Self.publicFilter)
            """
        if let categoryIDs { query = query + " AND " + Self.inCategories(categoryIDs) }
        query = query + " ORDER BY p.user_id, c.sort_order, c.name"
        var places: [ProviderPlace] = []
        var current: (id: Int64, row: any SQLRow, slugs: [Slug])?
        func close() throws {
            guard let (id, row, slugs) = current else { return }
            let (slug, updatedAt, rank) = try Self.stampFields(of: row)
            places.append(ProviderPlace(id: id, slug: slug, updatedAt: updatedAt, rank: rank, categorySlugs: slugs))
        }
        for row in try await store.sql.raw(query).all() {
            let id = try row.decode(column: "user_id", as: Int64.self)
            let category = try Slug(try row.decode(column: "category_slug", as: String.self))
            if current?.id == id {
                current?.slugs.append(category)
            } else {
                try close()
                current = (id, row, [category])
            }
        }
        try close()
        return places
    }
}
