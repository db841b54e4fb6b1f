import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// What anyone may read of a member's reputation: `GET /api/users/{id}/reviews` (published reviews only; `?stars=`,
/// `?q=`, `?sort=recent|helpful|highest|lowest`, `?cursor=`, `?limit=`) and `GET /api/users/{id}/rating` (the
/// summary the pages show: count, means, the displayed Bayesian rating, the Wilson bound, stars, sub-ratings and a
/// twelve-month trend).
struct PublicReviewRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock

    /// Months of the rating's trend.
    static let trendMonths = 12

    func register(on api: RouterGroup<AgoraRequestContext>) {
        api.get("users/{id}/reviews", use: list)
        api.get("users/{id}/rating", use: rating)
    }

    private var reviews: ReviewRepository { ReviewRepository(store: store) }

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> ReviewListBody {
        let userID = try await member(context)
        let query = try ListQuery(request, allowing: ["stars", "q", "sort", "cursor", "limit"])
        try query.finish()
        let list = try ReviewListQuery(
            stars: query.text("stars"), text: query.text("q")?.trimmingCharacters(in: .whitespaces), sort: query.text("sort"),
            cursor: query.text("cursor"), limit: query.text("limit")
        )
        let (found, next) = try await reviews.published(of: userID, query: list)
        return ReviewListBody(reviews: found.map(ReviewBody.init(public:)), nextCursor: next)
    }

    @Sendable func rating(_ request: Request, context: AgoraRequestContext) async throws -> RatingBody {
        let userID = try await member(context)
        try ListQuery(request, allowing: []).finish()
        let (summary, trend) = try await reviews.rating(of: userID, months: Self.trendMonths, now: clock.now)
        return RatingBody(summary, trend: trend, prior: try await reviews.ratingPrior())
    }

    /// The member in the path; 404 for one that does not exist.
    private func member(_ context: AgoraRequestContext) async throws -> Int64 {
        let id = try context.pathID("id", notFound: Self.noMember)
        guard try await reviews.hasAccount(id) else { throw Self.noMember }
        return id
    }

    static let noMember = Problem(status: .notFound, detail: "No member has this id.")
}
