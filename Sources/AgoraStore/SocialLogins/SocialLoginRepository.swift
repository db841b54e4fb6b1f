import Foundation
import SQLKit

/// Links between accounts and identities at an OpenID Connect issuer (`oauth_providers`): one account may have one
/// link per issuer, and one identity (issuer + subject) belongs to one account.
public struct SocialLoginRepository: Sendable {
    let store: Store
    let sql: any SQLDatabase

    public init(store: Store, on database: (any SQLDatabase)? = nil) {
        self.store = store
        self.sql = database ?? store.sql
    }

    /// The repository inside a transaction of the store.
    public init(store: Store, in transaction: StoreTransaction) {
        self.init(store: store, on: transaction.sql)
    }

    /// The account linked to this identity, if any.
    public func userID(issuer: String, subject: String) async throws -> Int64? {
        try await sql.raw("""
            SELECT user_id FROM oauth_providers WHERE provider = \(bind: issuer) AND provider_id = \(bind: subject)
            """).first()?.decode(column: "user_id", as: Int64.self)
    }

    /// Links the identity to the account. Throws `StoreError.conflict` when the identity belongs to another account.
    public func link(userID: Int64, issuer: String, subject: String, now: Date) async throws {
        try await store.uniqueOrConflict("this sign-in is already linked to another account") {
            try await sql.raw("""
                INSERT INTO oauth_providers (user_id, provider, provider_id, created_at)
                VALUES (\(bind: userID), \(bind: issuer), \(bind: subject), \(bind: now))
                """).run()
        }
    }
}
