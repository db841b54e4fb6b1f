import AgoraDomain
import SQLKit

extension CategoryRepository {
    /// For each active category, how many public providers are listed in it or in any category below it (each
    /// provider once), by the recursive `category_closure` on either engine.
    public func providerCounts() async throws -> [Int64: Int] {
        let rows = try await store.sql.raw("WITH RECURSIVE " + CategoryClosure.cte + """
             SELECT cc.ancestor_id AS category_id, COUNT(DISTINCT pc.provider_id) AS n
            FROM category_closure cc
            JOIN provider_categories pc ON pc.category_id = cc.category_id
            JOIN user_profiles p ON p.user_id = pc.provider_id
            JOIN users u ON u.id = p.user_id
            WHERE \(ProviderRepository.publicFilter)
            GROUP BY cc.ancestor_id
            """).all()
        var counts: [Int64: Int] = [:]
        for row in rows {
            counts[try row.decode(column: "category_id", as: Int64.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }
}
