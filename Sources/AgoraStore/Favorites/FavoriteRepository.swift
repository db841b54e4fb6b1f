import AgoraDomain
import Foundation
import SQLKit

/// The providers a person marked as favourites. Only public providers can be added; a provider who is later
/// hidden stays in the list but is not shown until visible again.
public struct FavoriteRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// Adds a favourite (adding it again changes nothing). False when no public provider has this id.
    public func add(providerID: Int64, userID: Int64, now: Date) async throws -> Bool {
        try await store.transaction { db in
            guard try await db.raw("""
                SELECT p.user_id FROM user_profiles p JOIN users u ON u.id = p.user_id
                WHERE p.user_id = \(bind: providerID) AND \(ProviderRepository.publicFilter)
                """).first() != nil else { return false }
            try await db.raw("""
                INSERT INTO favorites (user_id, provider_id, created_at) VALUES (\(bind: userID), \(bind: providerID), \(bind: now))
                ON CONFLICT (user_id, provider_id) DO NOTHING
                """).run()
            return true
        }
    }

    /// Removes a favourite; false when it was not one.
    public func remove(providerID: Int64, userID: Int64) async throws -> Bool {
        try await store.transaction { db in
            try await db.raw("""
                DELETE FROM favorites WHERE user_id = \(bind: userID) AND provider_id = \(bind: providerID) RETURNING provider_id
                """).first() != nil
        }
    }

    /// The visible favourites, most recently added first.
    public func list(userID: Int64) async throws -> [(provider: ProviderProfile, addedAt: Date)] {
        let rows = try await store.sql.raw("""
            SELECT provider_id, created_at FROM favorites WHERE user_id = \(bind: userID) ORDER BY created_at DESC, provider_id DESC
            """).all()
        let added = try rows.map { (try $0.decode(column: "provider_id", as: Int64.self), try $0.decode(column: "created_at", as: Date.self)) }
        let profiles = Dictionary(uniqueKeysWithValues: try await ProviderRepository(store: store).profiles(ids: added.map(\.0)).map { ($0.id, $0) })
        return added.compactMap { id, date in profiles[id].map { ($0, date) } }
    }
}
