import AgoraDomain
import Foundation
import SQLKit

/// The profile photo: not part of a version (a photo is not held for review), public at once on a public profile.
extension ProfileRepository {
    /// Sets the photo and returns the one it replaces, whose files the caller removes once this has committed.
    /// On a public profile its page and listings are queued in the same transaction.
    public func setPhoto(_ userID: Int64, to photo: ProfilePhoto?, now: Date) async throws -> (replaced: ProfilePhoto?, profile: OwnProfile) {
        try await store.inTransaction { [store] transaction in
            let db = transaction.sql
            let current = try await Self.lockedOwn(userID, on: db, engine: store.engine)
            try await db.raw("""
                UPDATE user_profiles SET photo_key = \(bind: photo?.key), photo_side = \(bind: photo?.side), updated_at = \(bind: now)
                WHERE user_id = \(bind: userID)
                """).run()
            if current.status.isPublic {
                let live = try await Self.live(userID, on: db)
                try await Self.publishChange(
                    of: userID, categories: live.categorySlugs, reason: photo == nil ? "photo removed" : "photo changed", now: now,
                    in: transaction, store: store
                )
            }
            return (current.photo, try await Self.own(userID, on: db))
        }
    }

    /// The keys of every profile's photo: the folders in `media/` that are in use.
    public func photoKeys() async throws -> Set<String> {
        Set(try await store.sql.raw("SELECT photo_key FROM user_profiles WHERE photo_key IS NOT NULL").all().map {
            try $0.decode(column: "photo_key", as: String.self)
        })
    }

    /// The photo of a row holding `photo_key` and `photo_side`; nil when it has none (or a key no variant matches).
    static func photo(from row: any SQLRow) throws -> ProfilePhoto? {
        guard let key = try row.decodeIfPresent(column: "photo_key", as: String.self),
              let side = try row.decodeIfPresent(column: "photo_side", as: Int.self) else { return nil }
        return try? ProfilePhoto(key: key, side: side)
    }
}
