import AgoraDomain
import Foundation
import SQLKit

/// Reads and writes the `redirects` table.
public struct RedirectRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    public func insert(_ redirect: Redirect, now: Date) async throws {
        try await store.uniqueOrConflict("a redirect from \(redirect.from) already exists") {
            try await store.sql.raw("""
                INSERT INTO redirects (from_path, to_url, status, created_at)
                VALUES (\(bind: redirect.from), \(bind: redirect.to), \(bind: redirect.status.rawValue), \(bind: now))
                """).run()
        }
    }

    public func delete(from path: String) async throws {
        try await store.sql.raw("DELETE FROM redirects WHERE from_path = \(bind: path)").run()
    }

    /// Every redirect, by source path.
    public func all() async throws -> [Redirect] {
        try await store.sql.raw("SELECT from_path, to_url, status FROM redirects ORDER BY from_path").all().map { row in
            guard let status = Redirect.Status(rawValue: try row.decode(column: "status", as: Int.self)) else {
                throw StoreError.conflict("a redirect row holds an unknown status")
            }
            return try Redirect(from: try row.decode(column: "from_path", as: String.self), to: try row.decodeIfPresent(column: "to_url", as: String.self), status: status)
        }
    }
}
