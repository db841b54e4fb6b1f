import Foundation
import Logging
import SQLKit

/// Applies the pending steps of `Migrations.all`, each in its own transaction, and records them in
/// `schema_migrations`. Safe to run again (nothing to do) and while other processes read.
public struct Migrator: Sendable {
    let store: Store
    let migrations: [Migration]

    public init(store: Store, migrations: [Migration] = Migrations.all) {
        self.store = store
        self.migrations = migrations
    }

    /// Applies what is pending and returns the versions it applied, oldest first.
    @discardableResult
    public func migrate(now: Date = Date()) async throws -> [Int] {
        let dialect = SchemaDialect(engine: store.engine)
        try await store.sql.raw("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at \(unsafeRaw: dialect.timestamp) NOT NULL
            )
            """).run()
        var applied: [Int] = []
        for migration in migrations.sorted(by: { $0.version < $1.version }) {
            let engine = store.engine
            let didApply = try await store.transaction { db in
                if engine == .postgresql {
                    // Two migrators started at once: the second waits here, then sees the step as done.
                    try await db.raw("LOCK TABLE schema_migrations IN EXCLUSIVE MODE").run()
                }
                let done = try await db.raw("SELECT 1 AS done FROM schema_migrations WHERE version = \(bind: migration.version)").first()
                guard done == nil else { return false }
                for statement in migration.statements(dialect) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await db.raw("""
                    INSERT INTO schema_migrations (version, name, applied_at)
                    VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: now))
                    """).run()
                return true
            }
            if didApply {
                store.logger.info("applied migration \(migration.version) \(migration.name)")
                applied.append(migration.version)
            }
        }
        return applied
    }

    /// The versions recorded as applied, oldest first; empty when the database has never been migrated.
    public func appliedVersions() async throws -> [Int] {
        let exists: Bool
        switch store.engine {
        case .sqlite:
            exists = try await store.sql.raw("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").first() != nil
        case .postgresql:
            exists = try await store.sql.raw("SELECT 1 AS found FROM information_schema.tables WHERE table_name = 'schema_migrations' AND table_schema = current_schema()").first() != nil
        }
        guard exists else { return [] }
        return try await store.sql.raw("SELECT version FROM schema_migrations ORDER BY version").all().map {
            try $0.decode(column: "version", as: Int.self)
        }
    }

    /// The versions that a `migrate()` would apply.
    public func pendingVersions() async throws -> [Int] {
        let applied = Set(try await appliedVersions())
        return migrations.map(\.version).filter { !applied.contains($0) }.sorted()
    }
}
