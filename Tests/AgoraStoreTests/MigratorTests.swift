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

@Suite("Profile background migration")
struct ProfileBackgroundMigrationTests {
    @Test("free-text experience, education and certifications become one entry each, and the columns go", arguments: TestDatabase.engines)
    func conversion(engine: TestDatabase) async throws {
        try await engine.withStore(migrated: false) { store async throws in
            try await Migrator(store: store, migrations: Migrations.all.filter { $0.version < 27 }).migrate()
            let now = Fixtures.now
            for (id, experience, education) in [(1, "Eight years at a web agency.\nThen on my own.", ""), (2, "", "")] as [(Int64, String, String)] {
                try await store.sql.raw("""
                    INSERT INTO users (id, first_name, last_name, email, user_type, created_at, updated_at)
                    VALUES (\(bind: id), 'Ada', 'Lovelace', \(bind: "ada\(id)@example.com"), 'provider', \(bind: now), \(bind: now))
                    """).run()
                try await store.sql.raw("""
                    INSERT INTO user_profiles (user_id, slug, title, experience, education, certifications, created_at, updated_at)
                    VALUES (\(bind: id), \(bind: "ada-\(id)"), 'Developer', \(bind: experience), \(bind: education), 'CompTIA Security+', \(bind: now), \(bind: now))
                    """).run()
            }
            try await Migrator(store: store).migrate()
            let rows = try await store.sql.raw("SELECT provider_id, kind, position, title, description FROM profile_background ORDER BY provider_id, kind").all()
            let entries = try rows.map {
                [try $0.decode(column: "kind", as: String.self), try $0.decode(column: "title", as: String.self), try $0.decode(column: "description", as: String.self)]
            }
            #expect(entries == [
                ["certification", "CompTIA Security+", ""], ["experience", "Eight years at a web agency.", "Then on my own."],
                ["certification", "CompTIA Security+", ""],
            ])
            #expect(try rows.map { try $0.decode(column: "provider_id", as: Int64.self) } == [1, 1, 2])
            await #expect(throws: (any Error).self) { try await store.sql.raw("SELECT experience FROM user_profiles").all() }
        }
    }
}
