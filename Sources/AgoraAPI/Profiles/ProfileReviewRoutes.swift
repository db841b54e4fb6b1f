import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/admin/profiles` (`moderation.decide`): first publications and held changes to published profiles, each
/// approved or refused with a reason; the owner is emailed the decision.
struct ProfileReviewRoutes: Sendable {
    let store: Store
    let mail: AccountMail
    let clock: any AgoraClock

    /// Profiles the list shows at most.
    static let listLength = 100

    struct AwaitingBody: ResponseEncodable {
        let userId: Int64
        let slug: String
        let name: String
        let firstPublication: Bool
        let version: ProfileVersionBody
    }

    struct ListBody: ResponseEncodable {
        let profiles: [AwaitingBody]
    }

    struct DecisionBody: ResponseEncodable {
        let userId: Int64
        let decision: String
    }

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        let area = AdminArea.profiles.group(on: admin, store: store)
        area.get(use: list)
        area.post("{userId}/approve", use: approve)
        area.post("{userId}/reject", use: reject)
    }

    static let notFound = Problem(status: .notFound, detail: "Nothing of this account waits for review.")

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> ListBody {
        ListBody(profiles: try await ProfileRepository(store: store).awaitingReview(limit: Self.listLength).map { waiting in
            AwaitingBody(
                userId: waiting.userID, slug: waiting.slug.value, name: waiting.name, firstPublication: waiting.firstPublication,
                version: ProfileVersionBody(waiting.version)
            )
        })
    }

    @Sendable func approve(_ request: Request, context: AgoraRequestContext) async throws -> DecisionBody {
        let userID = try context.pathID("userId", notFound: Self.notFound)
        let reason = try await request.decode(as: ReasonInput.self, context: context).reason ?? ""
        try await ProfileRepository(store: store).approve(userID, reason: reason, by: try AuditActor(request, context), now: clock.now, tell: tell)
        return DecisionBody(userId: userID, decision: "approved")
    }

    @Sendable func reject(_ request: Request, context: AgoraRequestContext) async throws -> DecisionBody {
        let userID = try context.pathID("userId", notFound: Self.notFound)
        let reason = try await request.decode(as: ReasonInput.self, context: context).required()
        try await ProfileRepository(store: store).reject(userID, reason: reason, by: try AuditActor(request, context), now: clock.now, tell: tell)
        return DecisionBody(userId: userID, decision: "rejected")
    }

    private var tell: ProfileRepository.TellDecision {
        { [mail] owner, approved, reason, transaction in
            try await mail.queue("profile-reviewed", to: owner, values: [
                "decision": approved ? "approved" : "not approved", "approved": approved ? "yes" : "", "reason": reason,
            ], in: transaction)
        }
    }
}
