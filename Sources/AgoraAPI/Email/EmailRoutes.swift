import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// `/api/email/unsubscribe?token=…`: the one-click unsubscribe of RFC 8058, which mail clients POST with the body
/// `List-Unsubscribe=One-Click`, and which the unsubscribe page reads (GET: what the link stops, changing nothing)
/// before it asks. Only POST changes anything, so link scanners that fetch URLs cannot unsubscribe anyone.
struct EmailRoutes: Sendable {
    let store: Store
    let links: UnsubscribeLinks
    let clock: any AgoraClock

    struct LinkBody: ResponseEncodable {
        let email: String
        /// `all`, `digest` or a category's name.
        let scope: String
        /// "emails about Orders".
        let label: String
    }

    struct MessageBody: ResponseEncodable {
        let message: String
        let scope: String
    }

    func register(on api: RouterGroup<AgoraRequestContext>) {
        api.get("email/unsubscribe", use: describe)
        api.post("email/unsubscribe", use: unsubscribe)
    }

    @Sendable func describe(_ request: Request, context: AgoraRequestContext) async throws -> LinkBody {
        let (email, scope) = try link(in: request)
        return LinkBody(email: email.value, scope: scope.name, label: scope.label)
    }

    @Sendable func unsubscribe(_ request: Request, context: AgoraRequestContext) async throws -> MessageBody {
        let (email, scope) = try link(in: request)
        try await EmailUnsubscribeRepository(store: store).unsubscribe(email, from: scope, now: clock.now)
        return MessageBody(message: "You will not receive \(scope.label) at \(email.value) any more.", scope: scope.name)
    }

    private func link(in request: Request) throws -> (Email, UnsubscribeScope) {
        guard let token = try QueryParameters.first("token", of: request), token.count <= 1_000, let link = links.read(token) else {
            throw Problem(status: .badRequest, detail: "This unsubscribe link is not valid.", type: .invalidToken)
        }
        return link
    }
}
