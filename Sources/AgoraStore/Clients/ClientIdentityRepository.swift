import AgoraDomain
import Foundation
import SQLKit

/// Clients' public identities: the account's name, country and date of joining with the company and photo of
/// `client_identities` (a client who never set them has no row, and shows name and country only).
public struct ClientIdentityRepository: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// The identities of these accounts, by user id (accounts that do not exist are left out).
    public func identities(of userIDs: [Int64]) async throws -> [Int64: ClientIdentity] {
        guard !userIDs.isEmpty else { return [:] }
        var found: [Int64: ClientIdentity] = [:]
        let prior = try await RatingPriorRecord.current(on: store.sql)
        for row in try await store.sql.raw("""
            SELECT u.id, u.first_name, u.last_name, u.country_code, u.created_at, c.company, c.photo_key, c.photo_side, r.average, r.review_count
            FROM users u LEFT JOIN client_identities c ON c.user_id = u.id LEFT JOIN rating_summaries r ON r.user_id = u.id
            WHERE u.id IN (\(binds: Array(Set(userIDs))))
            """).all() {
            let id = try row.decode(column: "id", as: Int64.self)
            let count = try row.decodeIfPresent(column: "review_count", as: Int.self) ?? 0
            let average = try row.decodeIfPresent(column: "average", as: Double.self) ?? 0
            found[id] = ClientIdentity(
                userID: id, firstName: try row.decode(column: "first_name", as: String.self), lastName: try row.decode(column: "last_name", as: String.self),
                company: try row.decodeIfPresent(column: "company", as: String.self) ?? "",
                countryCode: try row.decodeIfPresent(column: "country_code", as: String.self),
                photo: try ProfileRepository.photo(from: row), memberSince: try row.decode(column: "created_at", as: Date.self),
                rating: count > 0 ? prior.displayed(average: average, count: count) : nil, ratingCount: count
            )
        }
        return found
    }

    public func identity(of userID: Int64) async throws -> ClientIdentity {
        guard let identity = try await identities(of: [userID])[userID] else { throw StoreError.notFound("no account has this id") }
        return identity
    }

    /// Sets the company and the account's country.
    public func update(_ userID: Int64, _ details: ClientIdentity.Details, now: Date) async throws -> ClientIdentity {
        try await store.transaction { db in
            try await db.raw("UPDATE users SET country_code = \(bind: details.countryCode), updated_at = \(bind: now) WHERE id = \(bind: userID)").run()
            try await Self.ensureRow(userID, now: now, on: db)
            try await db.raw("""
                UPDATE client_identities SET company = \(bind: details.company), updated_at = \(bind: now) WHERE user_id = \(bind: userID)
                """).run()
        }
        return try await identity(of: userID)
    }

    /// Sets the photo and returns the one it replaces, whose files the caller removes once this has committed.
    public func setPhoto(_ userID: Int64, to photo: ProfilePhoto?, now: Date) async throws -> (replaced: ProfilePhoto?, identity: ClientIdentity) {
        let replaced = try await store.transaction { db in
            try await Self.ensureRow(userID, now: now, on: db)
            let current = try await db.raw("SELECT photo_key, photo_side FROM client_identities WHERE user_id = \(bind: userID)").first()
            try await db.raw("""
                UPDATE client_identities SET photo_key = \(bind: photo?.key), photo_side = \(bind: photo?.side), updated_at = \(bind: now)
                WHERE user_id = \(bind: userID)
                """).run()
            return try current.flatMap(ProfileRepository.photo(from:))
        }
        return (replaced, try await identity(of: userID))
    }

    /// The keys of every client's photo: folders of `media/` in use.
    public func photoKeys() async throws -> Set<String> {
        Set(try await store.sql.raw("SELECT photo_key FROM client_identities WHERE photo_key IS NOT NULL").all().map {
            try $0.decode(column: "photo_key", as: String.self)
        })
    }

    private static func ensureRow(_ userID: Int64, now: Date, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO client_identities (user_id, updated_at) VALUES (\(bind: userID), \(bind: now)) ON CONFLICT (user_id) DO NOTHING
            """).run()
    }
}
