import AgoraDomain
import Foundation
import SQLKit

/// Addresses that asked for no more optional mail (RFC 8058 one-click unsubscribe). Transactional mail — a link to
/// confirm an address, a reset — is always sent.
public struct EmailUnsubscribeRepository: Sendable {
    let store: Store
    let sql: any SQLDatabase

    public init(store: Store, on database: (any SQLDatabase)? = nil) {
        self.store = store
        self.sql = database ?? store.sql
    }

    /// Records the address; doing it twice is the same as once.
    public func unsubscribe(_ email: Email, now: Date) async throws {
        try await store.transaction { db in
            try await db.raw("""
                INSERT INTO email_unsubscribes (email, created_at) VALUES (\(bind: email.value), \(bind: now))
                ON CONFLICT (email) DO NOTHING
                """).run()
        }
    }

    public func isUnsubscribed(_ address: String) async throws -> Bool {
        try await sql.raw("SELECT 1 AS one FROM email_unsubscribes WHERE email = \(bind: address.lowercased())").first() != nil
    }
}
