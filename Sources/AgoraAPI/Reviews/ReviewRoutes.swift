import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// Reviews for the two parties of a project: `POST /api/projects/{id}/reviews` writes the asker's review once, within
/// the window after the project closed; `GET /api/projects/{id}/reviews` reads it back, with the other party's once
/// published (double-blind: before that, only whether it was written). `POST /api/reviews/{id}/response` is the
/// reviewee's one public answer. Anyone but the parties gets the 404 of a project that does not exist.
struct ReviewRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let announcer: ReviewAnnouncer
    let settings: LivePlatformSettings

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.get("projects/{id}/reviews", use: show)
        signedIn.post("projects/{id}/reviews", use: submit)
        signedIn.post("reviews/{id}/response", use: respond)
        signedIn.post("reviews/{id}/report", use: report)
        signedIn.post("reviews/{id}/appeal", use: appeal)
    }

    private var reviews: ReviewRepository { ReviewRepository(store: store) }

    @Sendable func show(_ request: Request, context: AgoraRequestContext) async throws -> ProjectReviewsBody {
        let identity = try context.requireIdentity()
        return try await body(of: try context.pathID("id", notFound: Self.noProject), for: identity.userID)
    }

    @Sendable func submit(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<ProjectReviewsBody> {
        let identity = try context.requireIdentity()
        let projectID = try context.pathID("id", notFound: Self.noProject)
        let draft = try await request.decode(as: ReviewInput.self, context: context).draft()
        do {
            _ = try await reviews.submit(
                projectID: projectID, by: identity.userID, draft: draft, rules: settings.current.reviews, now: clock.now, announce: announcer.announce
            )
        } catch StoreError.notFound { throw Self.noProject }
        return EditedResponse(status: .created, response: try await body(of: projectID, for: identity.userID))
    }

    @Sendable func respond(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<ReviewBody.ResponseBody> {
        let identity = try context.requireIdentity()
        let reviewID = try context.pathID("id", notFound: Self.noReview)
        let input = try await request.decode(as: ReviewResponseInput.self, context: context)
        do {
            let response = try await reviews.respond(to: reviewID, by: identity.userID, body: input.body, now: clock.now, announce: announcer.announce)
            return EditedResponse(status: .created, response: ReviewBody.ResponseBody(body: response.body, createdAt: response.createdAt))
        } catch StoreError.notFound { throw Self.noReview }
    }

    /// Any signed-in member but its author reports a published review, once.
    @Sendable func report(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let reviewID = try context.pathID("id", notFound: Self.noReview)
        let input = try await request.decode(as: ReviewReportInput.self, context: context)
        do {
            try await reviews.report(reviewID, by: identity.userID, reason: try input.reason(), note: input.note, now: clock.now)
        } catch StoreError.notFound { throw Self.noReview }
        return Response(status: .accepted)
    }

    /// The reviewee appeals against a published review of them, once.
    @Sendable func appeal(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let reviewID = try context.pathID("id", notFound: Self.noReview)
        let input = try await request.decode(as: ReviewAppealInput.self, context: context)
        do {
            try await reviews.appeal(reviewID, by: identity.userID, reason: input.reason, now: clock.now)
        } catch StoreError.notFound { throw Self.noReview }
        return Response(status: .accepted)
    }

    private func body(of projectID: Int64, for userID: Int64) async throws -> ProjectReviewsBody {
        let found: ProjectReviews
        do {
            found = try await reviews.reviews(of: projectID, for: userID, rules: settings.current.reviews, now: clock.now)
        } catch StoreError.notFound { throw Self.noProject }
        return ProjectReviewsBody(
            mine: found.mine.map { ReviewBody($0, forAuthor: true, response: found.responses[$0.id]) },
            theirs: found.theirs.map { ReviewBody($0, forAuthor: false, response: found.responses[$0.id]) },
            theirsWritten: found.theirsWritten, canReview: found.refusal == nil, reason: found.refusal, closesAt: found.window?.closesAt
        )
    }

    static let noProject = Problem(status: .notFound, detail: "No project of yours has this id.")
    static let noReview = Problem(status: .notFound, detail: "No published review of you or by you has this id.")
}
