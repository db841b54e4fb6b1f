import Foundation
import SQLKit

/// Adds tallies to the analytics tables and reads them back per period.
public struct SearchStatisticsRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// Adds a day's tally to the stored counts, in one transaction (an upsert per row on both engines).
    public func add(_ tally: SearchTally) async throws {
        guard !tally.isEmpty else { return }
        try await store.transaction { db in
            for (query, counts) in tally.queries {
                try await db.raw("""
                    INSERT INTO search_query_stats (day, query, searches, zero_results, clicks)
                    VALUES (\(bind: tally.day), \(bind: query), \(bind: counts.searches), \(bind: counts.zeroResults), \(bind: counts.clicks))
                    ON CONFLICT (day, query) DO UPDATE SET searches = search_query_stats.searches + excluded.searches,
                        zero_results = search_query_stats.zero_results + excluded.zero_results,
                        clicks = search_query_stats.clicks + excluded.clicks
                    """).run()
            }
            for (category, counts) in tally.categories {
                try await db.raw("""
                    INSERT INTO category_stats (day, category_id, views, searches)
                    SELECT \(bind: tally.day), id, \(bind: counts.views), \(bind: counts.searches) FROM categories WHERE id = \(bind: category)
                    ON CONFLICT (day, category_id) DO UPDATE SET views = category_stats.views + excluded.views,
                        searches = category_stats.searches + excluded.searches
                    """).run()
            }
        }
    }

    /// The most searched queries since `firstDay` (inclusive), most searched first.
    public func topQueries(since firstDay: String, limit: Int) async throws -> [QueryFigures] {
        try await queries(since: firstDay, order: "searches DESC, query", having: "SUM(searches) > 0", limit: limit)
    }

    /// Queries that found nothing since `firstDay`, most frequent first: what the marketplace is missing.
    public func zeroResultQueries(since firstDay: String, limit: Int) async throws -> [QueryFigures] {
        try await queries(since: firstDay, order: "zero_results DESC, query", having: "SUM(zero_results) > 0", limit: limit)
    }

    /// Queries searched at least `minimumSearches` times since `firstDay` that usually found something: the popular
    /// queries the search box suggests.
    public func popularQueries(since firstDay: String, minimumSearches: Int, limit: Int) async throws -> [QueryFigures] {
        try await queries(
            since: firstDay, order: "searches DESC, query",
            having: "SUM(searches) >= \(bind: minimumSearches) AND SUM(zero_results) * 2 < SUM(searches)", limit: limit
        )
    }

    private func queries(since firstDay: String, order: SQLQueryString, having: SQLQueryString, limit: Int) async throws -> [QueryFigures] {
        try await store.sql.raw("""
            SELECT query, CAST(SUM(searches) AS BIGINT) AS searches, CAST(SUM(zero_results) AS BIGINT) AS zero_results, CAST(SUM(clicks) AS BIGINT) AS clicks
            FROM search_query_stats WHERE day >= \(bind: firstDay) GROUP BY query HAVING
            """ + " " + having + " ORDER BY " + order + " LIMIT \(bind: limit)").all().map { row in
            QueryFigures(
                query: try row.decode(column: "query", as: String.self),
                searches: try row.decode(column: "searches", as: Int.self),
                zeroResults: try row.decode(column: "zero_results", as: Int.self),
                clicks: try row.decode(column: "clicks", as: Int.self)
            )
        }
    }

    /// Every category's views and searches since `firstDay`.
    public func categoryFigures(since firstDay: String) async throws -> [CategoryFigures] {
        try await store.sql.raw("""
            SELECT category_id, CAST(SUM(views) AS BIGINT) AS views, CAST(SUM(searches) AS BIGINT) AS searches FROM category_stats
            WHERE day >= \(bind: firstDay) GROUP BY category_id ORDER BY category_id
            """).all().map { row in
            CategoryFigures(
                categoryID: try row.decode(column: "category_id", as: Int64.self),
                views: try row.decode(column: "views", as: Int.self),
                searches: try row.decode(column: "searches", as: Int.self)
            )
        }
    }

    /// Proposals sent since `start`, per category of their order.
    public func proposalCounts(since start: Date) async throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        for row in try await store.sql.raw("""
            SELECT o.category_id, COUNT(*) AS proposals FROM proposals p JOIN orders o ON o.id = p.order_id
            WHERE p.created_at >= \(bind: start) GROUP BY o.category_id
            """).all() {
            counts[try row.decode(column: "category_id", as: Int64.self)] = try row.decode(column: "proposals", as: Int.self)
        }
        return counts
    }
}
