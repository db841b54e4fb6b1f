import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `GET|PUT /api/notification-preferences` (the signed-in person's channels per category, quiet hours, time zone,
/// digest and whether their address takes optional mail at all; security notices cannot be turned off) and `GET /api/notification-kinds` (what each kind is and where it
/// may go, for the preferences page).
struct NotificationPreferenceRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.get("notification-preferences", use: read)
        signedIn.put("notification-preferences", use: write)
        signedIn.get("notification-kinds") { _, _ in NotificationKindsBody() }
    }

    @Sendable func read(_ request: Request, context: AgoraRequestContext) async throws -> NotificationPreferencesBody {
        try await body(of: try context.requireIdentity().userID)
    }

    @Sendable func write(_ request: Request, context: AgoraRequestContext) async throws -> NotificationPreferencesBody {
        let owner = try context.requireIdentity().userID
        let input = try await request.decode(as: NotificationPreferencesInput.self, context: context)
        guard let preferences = input.preferences else { throw ValidationError(field: "channels", message: "is not a set of preferences") }
        try await NotificationPreferenceRepository(store: store).save(preferences, optionalMail: input.optionalMail, for: owner, now: clock.now)
        return try await body(of: owner)
    }

    private func body(of owner: Int64) async throws -> NotificationPreferencesBody {
        NotificationPreferencesBody(
            try await NotificationPreferenceRepository(store: store).preferences(of: owner),
            optionalMail: try await EmailUnsubscribeRepository(store: store).allowsOptionalMail(userID: owner)
        )
    }
}
