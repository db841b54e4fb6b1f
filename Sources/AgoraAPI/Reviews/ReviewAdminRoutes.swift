import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// `/api/admin/reviews` (`moderation.decide`): the queue of held, reported and appealed reviews with their signals,
/// reports and appeals (`?queue=held|reported|appealed`), and the decisions `POST /api/admin/reviews/{id}/hide`,
/// `/restore`, `/release`, `/dismiss` and `/remove`, each with `{"reason"}`, audited.
struct ReviewAdminRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let announcer: ReviewAnnouncer

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        let reviews = AdminArea.reviews.group(on: admin, store: store)
        reviews.get(use: queue)
        for decision in ReviewModeration.allCases {
            reviews.post("{id}/\(decision.rawValue)") { request, context in try await self.decide(decision, request, context: context) }
        }
    }

    static let noReview = Problem(status: .notFound, detail: "No review in the queue has this id.")

    @Sendable func queue(_ request: Request, context: AgoraRequestContext) async throws -> ReviewQueueBody {
        var query = try ListQuery(request, allowing: ["queue", "limit"])
        let part = query.choice("queue", default: ReviewQueue.held)
        let limit = query.limit()
        try query.finish()
        return ReviewQueueBody(queue: part.rawValue, reviews: try await ReviewRepository(store: store).queue(part, limit: limit).map(ReviewCaseBody.init))
    }

    func decide(_ decision: ReviewModeration, _ request: Request, context: AgoraRequestContext) async throws -> ReviewCaseBody {
        let reviewID = try context.pathID("id", notFound: Self.noReview)
        let actor = try AuditActor(request, context)
        let input = try await request.decode(as: ReviewDecisionInput.self, context: context)
        let reviews = ReviewRepository(store: store)
        do {
            _ = try await reviews.moderate(reviewID, decision, reason: input.reason, by: actor, now: clock.now, announce: announcer.announce)
            guard let decided = try await reviews.moderationCase(reviewID) else { throw Self.noReview }
            return ReviewCaseBody(decided)
        } catch StoreError.notFound { throw Self.noReview }
    }
}
