import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `GET /api/admin/search/analytics?days=30&limit=20`, for administrators: the most searched queries, the queries
/// that found nothing, and each category's page views, searches and proposals sent (on orders in it) over the last
/// `days` days.
struct SearchAnalyticsRoutes: Sendable {
    let store: Store
    let analytics: SearchAnalytics
    let clock: any AgoraClock

    static let maximumDays = 366
    static let maximumLimit = 100

    struct CategoryBody: Encodable {
        let slug: String
        let name: String
        let views: Int
        let searches: Int
        let proposals: Int
    }

    struct ReportBody: ResponseEncodable {
        let since: String
        let topQueries: [QueryFigures]
        let zeroResultQueries: [QueryFigures]
        let categories: [CategoryBody]
    }

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        AdminArea.searchAnalytics.group(on: admin, store: store).get("analytics", use: report)
    }

    @Sendable func report(_ request: Request, context: AgoraRequestContext) async throws -> ReportBody {
        var days = 30
        var limit = 20
        var reader = AdminQuery()
        for (name, value) in try QueryParameters.pairs(of: request) {
            switch name {
            case "days": days = reader.limit(value, name, maximum: Self.maximumDays) ?? days
            case "limit": limit = reader.limit(value, name, maximum: Self.maximumLimit) ?? limit
            default: reader.unknown(name)
            }
        }
        try reader.check()
        await analytics.flush()
        let since = SearchTally.day(of: clock.now.addingTimeInterval(-Double(days - 1) * 86_400))
        let repository = SearchStatisticsRepository(store: store)
        let tree = try await CategoryRepository(store: store).tree()
        let proposals = try await repository.proposalCounts(since: SearchTally.start(ofDay: since))
        let figures = Dictionary(uniqueKeysWithValues: try await repository.categoryFigures(since: since).map { ($0.categoryID, $0) })
        let categories = Set(figures.keys).union(proposals.keys).sorted().compactMap { id -> CategoryBody? in
            guard let category = tree.category(id: id) else { return nil }
            return CategoryBody(
                slug: category.slug.value, name: category.name, views: figures[id]?.views ?? 0, searches: figures[id]?.searches ?? 0,
                proposals: proposals[id] ?? 0
            )
        }
        return ReportBody(
            since: since,
            topQueries: try await repository.topQueries(since: since, limit: limit),
            zeroResultQueries: try await repository.zeroResultQueries(since: since, limit: limit),
            categories: categories
        )
    }
}
