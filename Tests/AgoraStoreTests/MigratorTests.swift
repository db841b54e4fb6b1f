import AgoraDomain
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

@Suite("Project work migration")
struct ProjectWorkMigrationTests {
    @Test("a project accepted before milestones existed becomes active with its plan's milestones, its order goes in progress, and orders may complete", arguments: TestDatabase.engines)
    func existingProjects(engine: TestDatabase) async throws {
        try await engine.withStore(migrated: false) { store async throws in
            try await Migrator(store: store, migrations: Migrations.all.filter { $0.version < 31 }).migrate()
            let now = Fixtures.now
            let sql = store.sql
            for (id, type) in [(1, "client"), (2, "provider")] as [(Int64, String)] {
                try await sql.raw("""
                    INSERT INTO users (id, first_name, last_name, email, user_type, created_at, updated_at)
                    VALUES (\(bind: id), 'Ada', 'Lovelace', \(bind: "user\(id)@example.com"), \(bind: type), \(bind: now), \(bind: now))
                    """).run()
            }
            try await sql.raw("INSERT INTO categories (id, name, slug, description, sort_order, created_at, updated_at) VALUES (1, 'Web', 'web', '', 0, \(bind: now), \(bind: now))").run()
            let deadline = now.addingTimeInterval(30 * 86_400)
            try await sql.raw("""
                INSERT INTO orders (id, reference_number, client_id, title, description, category_id, budget_min_minor, budget_max_minor, currency,
                    deadline, deadline_time_zone, priority, status, visibility, location_kind, created_at, updated_at)
                VALUES (1, 'AG-TEST-0001', 1, 'A bakery site', 'Bread online.', 1, 100000, 200000, 'EUR', \(bind: deadline), 'Europe/Paris',
                    'normal', 'awarded', 'public', 'remote', \(bind: now), \(bind: now))
                """).run()
            let euro = try CurrencyCode("EUR")
            let plan = String(decoding: try JSONEncoder().encode([
                ProposalTerms.Milestone(title: "Design", amount: .major(500, euro), dueInDays: 5),
                ProposalTerms.Milestone(title: "Launch", amount: .major(1_000, euro), dueInDays: 20),
            ]), as: UTF8.self)
            try await sql.raw("""
                INSERT INTO proposals (id, order_id, provider_id, message, price_minor, currency, timeline_days, milestones, status, created_at, updated_at)
                VALUES (1, 1, 2, 'Two steps.', 150000, 'EUR', 20, \(bind: plan), 'accepted', \(bind: now), \(bind: now))
                """).run()
            try await sql.raw("""
                INSERT INTO projects (id, order_id, proposal_id, client_id, provider_id, title, status, agreed_price_minor, currency, deadline, created_at, updated_at)
                VALUES (1, 1, 1, 1, 2, 'A bakery site', 'not_started', 150000, 'EUR', \(bind: deadline), \(bind: now), \(bind: now))
                """).run()
            try await Migrator(store: store).migrate()

            let details = try #require(try await ProjectRepository(store: store).details(1, for: 1))
            #expect(details.project.status == .active && details.project.startedAt == now)
            #expect(details.milestones.map(\.title) == ["Design", "Launch"])
            #expect(details.milestones.map(\.amount.minorUnits) == [50_000, 100_000])
            #expect(details.milestones.allSatisfy { $0.status == .pending })
            #expect(details.milestones.first?.dueAt == now.addingTimeInterval(5 * 86_400))
            let order = try await sql.raw("SELECT status FROM orders WHERE id = 1").first()?.decode(column: "status", as: String.self)
            #expect(order == "in_progress")
            try await sql.raw("UPDATE orders SET status = 'completed' WHERE id = 1").run()
            await #expect(throws: (any Error).self, "the CHECK still refuses what no status is") {
                try await sql.raw("UPDATE orders SET status = 'finished' WHERE id = 1").run()
            }
            await #expect(throws: (any Error).self) { try await sql.raw("UPDATE projects SET status = 'not_started' WHERE id = 1").run() }
            let activity = try await ProjectActivityLog(store: store).entries(of: 1, before: nil, limit: 10)
            #expect(activity.map(\.kind) == [.projectStarted])
        }
    }
}
