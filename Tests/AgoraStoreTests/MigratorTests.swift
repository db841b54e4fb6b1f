import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite("Migrations")
struct MigratorTests {
    @Test("a fresh database gets every step, a second run applies nothing", arguments: TestDatabase.engines)
    func migrateIsIdempotent(engine: TestDatabase) async throws {
        try await engine.withStore(migrated: false) { store async throws in
            let migrator = Migrator(store: store)
            #expect(try await migrator.appliedVersions() == [])
            #expect(try await migrator.pendingVersions() == Migrations.all.map(\.version))
            #expect(try await migrator.migrate() == Migrations.all.map(\.version))
            #expect(try await migrator.migrate() == [])
            #expect(try await migrator.appliedVersions() == Migrations.all.map(\.version))
            #expect(try await migrator.pendingVersions() == [])
        }
    }

    @Test("two migrators started together apply each step once", arguments: TestDatabase.engines)
    func concurrentMigrators(engine: TestDatabase) async throws {
        try await engine.withStore(migrated: false) { store async throws in
            async let first = Migrator(store: store).migrate()
            async let second = Migrator(store: store).migrate()
            let applied = try await first + second
            #expect(applied.sorted() == Migrations.all.map(\.version))
        }
    }

    @Test("the schema is readable while a migration runs", arguments: TestDatabase.engines)
    func readersDuringMigration(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            async let migrate = Migrator(store: store).migrate()
            async let read = CategoryRepository(store: store).count()
            #expect(try await migrate == [])
            #expect(try await read == 0)
        }
    }
}
