import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/admin/accounts` (`users.edit`; dangerous actions): requiring a new password and confirming an address by
/// hand, each with a reason the audit log keeps.
struct AccountInterventionRoutes: Sendable {
    let store: Store
    let mail: AccountMail
    let clock: any AgoraClock
    let recentAuthentication: RecentAuthenticationMiddleware
    /// How long the emailed reset link lasts.
    static let resetLinkLifetime: TimeInterval = 24 * 3_600

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        let accounts = AdminArea.accounts.group(on: admin, store: store).add(middleware: recentAuthentication)
        accounts.post("{userId}/password-reset", use: requirePasswordReset)
        accounts.post("{userId}/verification", use: verifyAddress)
    }

    static let notFound = Problem(status: .notFound, detail: "No account has this id.")

    /// The password stops working, every session ends, and the owner is emailed a link to choose a new one.
    @Sendable func requirePasswordReset(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let userID = try context.pathID("userId", notFound: Self.notFound)
        let reason = try await request.decode(as: ReasonInput.self, context: context).required()
        let token = SecureToken.generate()
        let now = clock.now
        try await AccountInterventions(store: store).requirePasswordReset(
            userID, tokenHash: SecureToken.hash(token), expiresAt: now.addingTimeInterval(Self.resetLinkLifetime),
            by: try AuditActor(request, context).because(reason), now: now
        ) { [mail] user, transaction in
            try await mail.queue("password-reset-required", to: user, values: [
                "reason": reason, "link": mail.link(PagePaths.resetPassword, ["token": token]),
            ], in: transaction)
        }
        return Response(status: .noContent)
    }

    /// Confirms a pending account's address without its link (the owner showed support they hold it).
    @Sendable func verifyAddress(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let userID = try context.pathID("userId", notFound: Self.notFound)
        let reason = try await request.decode(as: ReasonInput.self, context: context).required()
        try await AccountInterventions(store: store).verifyAddress(userID, by: try AuditActor(request, context).because(reason), now: clock.now)
        return Response(status: .noContent)
    }
}
