import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `POST /api/email/unsubscribe?token=…`: the one-click unsubscribe of RFC 8058, which mail clients call with the
/// body `List-Unsubscribe=One-Click`. Only POST changes anything, so link scanners that fetch URLs cannot unsubscribe
/// anyone.
struct EmailRoutes: Sendable {
    let store: Store
    let links: UnsubscribeLinks
    let clock: any AgoraClock

    struct MessageBody: ResponseEncodable {
        let message: String
    }

    func register(on api: RouterGroup<AgoraRequestContext>) {
        api.post("email/unsubscribe", use: unsubscribe)
    }

    @Sendable func unsubscribe(_ request: Request, context: AgoraRequestContext) async throws -> MessageBody {
        guard let token = try QueryParameters.first("token", of: request), token.count <= 1_000, let email = links.email(in: token) else {
            throw Problem(status: .badRequest, detail: "This unsubscribe link is not valid.", type: .invalidToken)
        }
        try await EmailUnsubscribeRepository(store: store).unsubscribe(email, now: clock.now)
        return MessageBody(message: "You will not receive optional emails at this address any more.")
    }
}
