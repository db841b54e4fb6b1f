import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `GET|PUT /api/notification-preferences` (the signed-in person's channels per category, quiet hours, time zone and
/// digest; security notices cannot be turned off) and `GET /api/notification-kinds` (what each kind is and where it
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
        let owner = try context.requireIdentity().userID
        return NotificationPreferencesBody(try await NotificationPreferenceRepository(store: store).preferences(of: owner))
    }

    @Sendable func write(_ request: Request, context: AgoraRequestContext) async throws -> NotificationPreferencesBody {
        let owner = try context.requireIdentity().userID
        let input = try await request.decode(as: NotificationPreferencesInput.self, context: context)
        guard let preferences = input.preferences else { throw ValidationError(field: "channels", message: "is not a set of preferences") }
        let repository = NotificationPreferenceRepository(store: store)
        try await repository.save(preferences, for: owner, now: clock.now)
        return NotificationPreferencesBody(try await repository.preferences(of: owner))
    }
}
