import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/notifications`: the signed-in person's in-app notifications, newest first, and marking them read.
struct NotificationRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock

    struct NotificationBody: Encodable {
        let id: Int64
        let type: String
        let title: String
        let message: String
        let link: String?
        let read: Bool
        let createdAt: Date
    }

    struct ListBody: ResponseEncodable {
        let notifications: [NotificationBody]
        let unread: Int
    }

    struct ReadInput: RequestBody {
        static let fields: Set<String> = ["up_to"]
        let upTo: Int?

        init(reading body: inout JSONObjectBody) {
            upTo = body.integer("up_to")
        }
    }

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.get("notifications", use: list)
        signedIn.post("notifications/read", use: markRead)
    }

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> ListBody {
        let owner = try context.requireIdentity().userID
        var query = try ListQuery(request, allowing: ["limit"])
        let limit = query.limit()
        try query.finish()
        let (notifications, unread) = try await NotificationRepository(store: store).list(userID: owner, limit: limit)
        return ListBody(notifications: notifications.map {
            NotificationBody(id: $0.id, type: $0.kind.rawValue, title: $0.title, message: $0.message, link: $0.link, read: $0.readAt != nil, createdAt: $0.createdAt)
        }, unread: unread)
    }

    /// `{"up_to": id}`: marks the owner's notifications up to that id read.
    @Sendable func markRead(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let owner = try context.requireIdentity().userID
        let input = try await request.decode(as: ReadInput.self, context: context)
        guard let upTo = input.upTo, upTo > 0 else { throw ValidationError(field: "up_to", message: "is required: the id of the newest notification read") }
        _ = try await NotificationRepository(store: store).markRead(userID: owner, upTo: Int64(upTo), now: clock.now)
        return Response(status: .noContent)
    }
}
