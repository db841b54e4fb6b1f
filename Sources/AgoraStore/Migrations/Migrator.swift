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

    /// Applies what is pending and returns the versions it applied, oldest first. On PostgreSQL the whole run
    /// holds an advisory lock, so two migrators started at once apply each step once (the second finds nothing
    /// to do); on SQLite each step's `BEGIN IMMEDIATE` does the same, its turn taken in the store's writer queue
    /// like every other write, so that a migrator waiting for another holds no thread the other needs.
    @discardableResult
    public func migrate(now: Date = Date()) async throws -> [Int] {
        let store = self.store
        let migrations = self.migrations.sorted { $0.version < $1.version }
        let applied: [Int]
        switch store.engine {
        case .sqlite:
            applied = try await Self.apply(migrations, store: store, now: now) { step in try await store.transaction(step) }
        case .postgresql:
            applied = try await store.sql.withSession { session -> [Int] in
                try await session.raw("SELECT pg_advisory_lock(\(bind: Self.lockKey))").run()
                do {
                    let applied = try await Self.apply(migrations, store: store, now: now) { step in try await store.transaction(on: session, step) }
                    try await session.raw("SELECT pg_advisory_unlock(\(bind: Self.lockKey))").run()
                    return applied
                } catch {
                    try? await session.raw("SELECT pg_advisory_unlock(\(bind: Self.lockKey))").run()
                    throw error
                }
            }
        }
        for version in applied {
            let name = migrations.first { $0.version == version }?.name ?? ""
            store.logger.info("applied migration \(version) \(name)")
        }
        return applied
    }

    /// An arbitrary number that names Agora's migration lock among the server's advisory locks.
    static let lockKey: Int64 = 0x4147_4F52_41

    /// One transaction of a migration run; answers whether it changed the schema.
    typealias Step = @Sendable (any SQLDatabase) async throws -> Bool

    private static func apply(
        _ migrations: [Migration], store: Store, now: Date, inTransaction: @Sendable (@escaping Step) async throws -> Bool
    ) async throws -> [Int] {
        let dialect = SchemaDialect(engine: store.engine)
        _ = try await inTransaction { db in
            try await db.raw("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    applied_at \(unsafeRaw: dialect.timestamp) NOT NULL
                )
                """).run()
            return true
        }
        var applied: [Int] = []
        for migration in migrations {
            let didApply = try await inTransaction { db in
                let done = try await db.raw("SELECT 1 AS done FROM schema_migrations WHERE version = \(bind: migration.version)").first()
                guard done == nil else { return false }
                for statement in migration.statements(dialect) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await migration.data?(db, store.engine)
                try await db.raw("""
                    INSERT INTO schema_migrations (version, name, applied_at)
                    VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: now))
                    """).run()
                return true
            }
            if didApply { applied.append(migration.version) }
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
