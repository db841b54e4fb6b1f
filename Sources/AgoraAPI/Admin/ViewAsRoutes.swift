import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/admin/view-as/{userId}` (`users.impersonate`; a dangerous action): a short-lived, read-only access token for
/// one account, so that support sees the pages as its owner does. It lives in the staff member's own session (signing
/// out ends it), every request that would change something is refused, and each view is audited with its reason.
struct ViewAsRoutes: Sendable {
    let store: Store
    let signIn: SignInService
    let clock: any AgoraClock
    let recentAuthentication: RecentAuthenticationMiddleware

    /// How long a view lasts.
    static let lifetime: TimeInterval = 10 * 60

    struct ViewBody: ResponseEncodable {
        let accessToken: String
        let expiresAt: Date
        let user: UserAdminRoutes.UserBody
    }

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        AdminArea.viewAs.group(on: admin, store: store).add(middleware: recentAuthentication).post("{userId}", use: view)
    }

    static let notFound = Problem(status: .notFound, detail: "No account has this id.")

    /// `{"reason": "…"}`: the token, when it ends, and the account it shows. Staff accounts are not viewed (409).
    @Sendable func view(_ request: Request, context: AgoraRequestContext) async throws -> ViewBody {
        let userID = try context.pathID("userId", notFound: Self.notFound)
        let reason = try await request.decode(as: ReasonInput.self, context: context).required()
        let identity = try context.requireIdentity()
        guard let user = try await UserRepository(store: store).find(id: userID) else { throw Self.notFound }
        guard try await StaffRepository(store: store).role(of: userID) == nil else {
            throw Problem(status: .conflict, detail: "Staff accounts are not viewed as their owner.", type: .invalidTransition)
        }
        let now = clock.now
        try await AuditLog(store: store).append(try AuditActor(request, context).because(reason).entry(
            .userViewed, on: .user, id: userID, before: [:], after: ["until": ISO8601DateFormatter().string(from: now.addingTimeInterval(Self.lifetime))],
            at: now
        ))
        return ViewBody(accessToken: try await signIn.viewToken(of: user, by: identity), expiresAt: now.addingTimeInterval(Self.lifetime), user: UserAdminRoutes.UserBody(user))
    }
}
