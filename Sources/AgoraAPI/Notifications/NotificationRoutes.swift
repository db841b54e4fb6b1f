import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/notifications`: the signed-in person's own notifications — a page of the inbox or the archive (filtered by
/// unread, category and text), marking some, up to one, or all read, and archiving one. Nobody reaches another
/// person's: every query is bounded by the owner, and another's id is answered as one that does not exist.
struct NotificationRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock

    static let noNotification = Problem(status: .notFound, detail: "You have no notification with this id.")

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.get("notifications", use: list)
        signedIn.post("notifications/read", use: markRead)
        signedIn.post("notifications/{id}/archive", use: archive)
    }

    /// `?unread=true`, `?category=`, `?q=`, `?archived=true`, `?before=`, `?limit=`.
    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> NotificationListBody {
        let owner = try context.requireIdentity().userID
        var query = try ListQuery(request, allowing: ["unread", "category", "q", "archived", "before", "limit"])
        var wanted = NotificationQuery()
        wanted.unreadOnly = query.parsed("unread", rule: "must be true or false", Self.flag) ?? false
        wanted.archived = query.parsed("archived", rule: "must be true or false", Self.flag) ?? false
        wanted.category = query.optionalChoice("category", of: NotificationCategory.self)
        wanted.text = query.text("q", maximumLength: 100)
        wanted.before = query.before()
        wanted.limit = query.limit()
        try query.finish()
        let (notifications, unread) = try await NotificationRepository(store: store).list(userID: owner, wanted)
        return NotificationListBody(
            notifications: notifications.map(NotificationBody.init), unread: unread,
            nextBefore: notifications.count == wanted.limit ? notifications.last?.id : nil
        )
    }

    /// `{"ids": [...]}`, `{"up_to": id}` or `{"all": true}`: marks the owner's notifications read; answers the
    /// unread count left.
    @Sendable func markRead(_ request: Request, context: AgoraRequestContext) async throws -> UnreadBody {
        let owner = try context.requireIdentity().userID
        let input = try await request.decode(as: NotificationReadInput.self, context: context)
        guard let selection = input.selection else { throw ValidationError(field: "ids", message: "give exactly one of ids, up_to or all: true") }
        let notifications = NotificationRepository(store: store)
        try await notifications.markRead(userID: owner, selection, now: clock.now)
        return UnreadBody(unread: try await notifications.unread(userID: owner))
    }

    @Sendable func archive(_ request: Request, context: AgoraRequestContext) async throws -> NotificationBody {
        let owner = try context.requireIdentity().userID
        let id = try context.pathID("id", notFound: Self.noNotification)
        guard let archived = try await NotificationRepository(store: store).archive(id, userID: owner, now: clock.now) else { throw Self.noNotification }
        return NotificationBody(archived)
    }

    struct UnreadBody: ResponseEncodable {
        let unread: Int
    }

    static func flag(_ text: String) -> Bool? {
        switch text {
        case "true": true
        case "false": false
        default: nil
        }
    }
}
