import Foundation
import SQLKit

/// Adds tallies to the analytics tables and reads them back per period.
public struct SearchStatisticsRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// Distinct queries kept per day: random queries cannot grow the table without bound. Past it, queries the day
    /// has not seen yet are counted together under `otherQueries`.
    public static let queriesPerDay = 10_000
    public static let otherQueries = "(other queries)"

    /// Adds a day's tally to the stored counts, in one transaction (an upsert per row on both engines), keeping at
    /// most `queriesPerDay` distinct queries a day.
    public func add(_ tally: SearchTally, queriesPerDay: Int = SearchStatisticsRepository.queriesPerDay) async throws {
        guard !tally.isEmpty else { return }
        try await store.transaction { db in
            let stored = try await db.raw("SELECT COUNT(*) AS n FROM search_query_stats WHERE day = \(bind: tally.day)")
                .first()?.decode(column: "n", as: Int.self) ?? 0
            // Most searched first, so that the queries kept when the day fills up are the ones that matter.
            let queries = tally.queries.sorted { ($0.value.searches, $1.key) > ($1.value.searches, $0.key) }
            var room = stored + queries.count <= queriesPerDay ? Int.max : queriesPerDay - stored
            var other = SearchTally.QueryCounts()
            for (query, counts) in queries {
                var known = room == .max || query == Self.otherQueries
                if !known { known = try await Self.isStored(query, day: tally.day, on: db) }
                if known {
                    try await Self.add(counts, to: query, day: tally.day, on: db)
                } else if room > 0 {
                    try await Self.add(counts, to: query, day: tally.day, on: db)
                    room -= 1
                } else {
                    other.searches += counts.searches
                    other.zeroResults += counts.zeroResults
                    other.clicks += counts.clicks
                }
            }
            if other != SearchTally.QueryCounts() { try await Self.add(other, to: Self.otherQueries, day: tally.day, on: db) }
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

    private static func add(_ counts: SearchTally.QueryCounts, to query: String, day: String, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO search_query_stats (day, query, searches, zero_results, clicks)
            VALUES (\(bind: day), \(bind: query), \(bind: counts.searches), \(bind: counts.zeroResults), \(bind: counts.clicks))
            ON CONFLICT (day, query) DO UPDATE SET searches = search_query_stats.searches + excluded.searches,
                zero_results = search_query_stats.zero_results + excluded.zero_results,
                clicks = search_query_stats.clicks + excluded.clicks
            """).run()
    }

    private static func isStored(_ query: String, day: String, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw("SELECT 1 AS one FROM search_query_stats WHERE day = \(bind: day) AND query = \(bind: query)").first() != nil
    }

    /// Deletes the analytics of days before `firstKept` (`YYYY-MM-DD`); returns how many rows went.
    @discardableResult
    public func purge(before firstKept: String) async throws -> Int {
        try await store.transaction { db in
            let queries = try await db.raw("DELETE FROM search_query_stats WHERE day < \(bind: firstKept) RETURNING day").all().count
            let categories = try await db.raw("DELETE FROM category_stats WHERE day < \(bind: firstKept) RETURNING day").all().count
            return queries + categories
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
