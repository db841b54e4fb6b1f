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

    /// Says the path is gone (410) in the caller's transaction: a page taken down for good. A redirect someone set
    /// on the path stays as it is.
    static func markGone(_ path: String, now: Date, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO redirects (from_path, to_url, status, created_at)
            VALUES (\(bind: path), NULL, \(bind: Redirect.Status.gone.rawValue), \(bind: now))
            ON CONFLICT (from_path) DO NOTHING
            """).run()
    }

    /// Takes back a 410 on the path in the caller's transaction: the page is there again.
    static func clearGone(_ path: String, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM redirects WHERE from_path = \(bind: path) AND status = \(bind: Redirect.Status.gone.rawValue)").run()
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
