import AgoraDomain
import Foundation
import SQLKit

/// Computes the marketplace's public figures, and keeps one snapshot of them per day.
public struct MarketplaceStatisticsRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// The figures now. The completion rate counts projects: each provider's completed projects over the projects
    /// they accepted (completed ÷ their own rate), summed over the marketplace.
    public func current() async throws -> MarketplaceStatistics {
        let providers = try await store.sql.raw("""
            SELECT COUNT(*) AS providers, CAST(COALESCE(SUM(s.completed_projects), 0) AS BIGINT) AS completed,
                   CAST(COALESCE(SUM(CASE WHEN s.completion_rate > 0 THEN s.completed_projects / s.completion_rate ELSE 0 END), 0) AS DOUBLE PRECISION) AS accepted
            FROM user_profiles p JOIN users u ON u.id = p.user_id JOIN user_statistics s ON s.user_id = p.user_id
            WHERE \(ProviderRepository.publicFilter)
            """).first()
        let clients = try await store.sql.raw("""
            SELECT COUNT(*) AS n FROM users WHERE user_type = \(state: UserType.client) AND verification_status = \(state: VerificationStatus.verified)
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        var countries: [String: (providers: Int, clients: Int)] = [:]
        for row in try await store.sql.raw("""
            SELECT p.country_code AS code, COUNT(*) AS n FROM user_profiles p JOIN users u ON u.id = p.user_id
            WHERE \(ProviderRepository.publicFilter) AND p.country_code IS NOT NULL GROUP BY p.country_code
            """).all() {
            countries[try row.decode(column: "code", as: String.self), default: (0, 0)].providers = try row.decode(column: "n", as: Int.self)
        }
        for row in try await store.sql.raw("""
            SELECT country_code AS code, COUNT(*) AS n FROM users
            WHERE user_type = \(state: UserType.client) AND verification_status = \(state: VerificationStatus.verified) AND country_code IS NOT NULL GROUP BY country_code
            """).all() {
            countries[try row.decode(column: "code", as: String.self), default: (0, 0)].clients = try row.decode(column: "n", as: Int.self)
        }
        let completed = try providers?.decode(column: "completed", as: Int.self) ?? 0
        let accepted = try providers?.decode(column: "accepted", as: Double.self) ?? 0
        return MarketplaceStatistics(
            providers: try providers?.decode(column: "providers", as: Int.self) ?? 0,
            clients: clients,
            completedProjects: completed,
            completionRate: accepted > 0 ? min(1, Double(completed) / accepted) : 0,
            countries: countries.map { MarketplaceStatistics.Country(code: $0.key, providers: $0.value.providers, clients: $0.value.clients) }
                .sorted { ($1.providers, $1.clients, $0.code) < ($0.providers, $0.clients, $1.code) }
        )
    }

    /// Keeps today's figures unless the day already has a snapshot; true when it wrote one.
    @discardableResult
    public func snapshot(now: Date) async throws -> Bool {
        let day = SearchTally.day(of: now)
        let figures = try await current()
        let countries = String(decoding: try JSONEncoder().encode(figures.countries), as: UTF8.self)
        return try await store.sql.raw("""
            INSERT INTO marketplace_stats_history (day, providers, clients, completed_projects, completion_rate, countries, created_at)
            VALUES (\(bind: day), \(bind: figures.providers), \(bind: figures.clients), \(bind: figures.completedProjects),
                    \(bind: figures.completionRate), \(bind: countries), \(bind: now))
            ON CONFLICT (day) DO NOTHING RETURNING day
            """).first() != nil
    }

    /// The snapshots from `firstDay` on, oldest first.
    public func history(since firstDay: String) async throws -> [(day: String, statistics: MarketplaceStatistics)] {
        try await store.sql.raw("""
            SELECT day, providers, clients, completed_projects, completion_rate, countries FROM marketplace_stats_history
            WHERE day >= \(bind: firstDay) ORDER BY day
            """).all().map { row in
            let countries = try JSONDecoder().decode(
                [MarketplaceStatistics.Country].self, from: Data(try row.decode(column: "countries", as: String.self).utf8)
            )
            return (try row.decode(column: "day", as: String.self), MarketplaceStatistics(
                providers: try row.decode(column: "providers", as: Int.self),
                clients: try row.decode(column: "clients", as: Int.self),
                completedProjects: try row.decode(column: "completed_projects", as: Int.self),
                completionRate: try row.decode(column: "completion_rate", as: Double.self),
                countries: countries
            ))
        }
    }
}
