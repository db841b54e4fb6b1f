import AgoraStore
import Foundation
import Logging
import SQLKit

/// The engines every store test runs on. PostgreSQL is included when `AGORA_TEST_POSTGRES_URL` names a server
/// (`make test` starts one with `Tests/Support/with-postgres.sh`); CI requires it.
public enum TestDatabase: String, CaseIterable, Sendable {
    case sqlite
    case postgresql


    public static var postgresAdminURL: String? {
        ProcessInfo.processInfo.environment["AGORA_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// How long a test's query waits for a connection: every test runs at once, and on a 2-core machine a query may
    /// wait long for the few threads database work runs on.
    public static let connectionWait = Duration.seconds(120)

    /// Connections per NIO thread in a test's pool: every suite runs at once, each with stores of its own, and the
    /// sum must stay within the test server's connections (and the test process's descriptors, which
    /// Foundation's `Process` copies into a fixed table when it starts `agora`).
    public static let connectionsPerThread = 2

    /// The engines available in this run.
    public static var engines: [TestDatabase] {
        postgresAdminURL == nil ? [.sqlite] : [.sqlite, .postgresql]
    }

    /// Runs `body` with a fresh, migrated store of its own: a new SQLite file, or a new PostgreSQL database that is
    /// dropped afterwards.
    public func withStore<T>(migrated: Bool = true, _ body: (Store) async throws -> T) async throws -> T {
        let location = try await makeLocation()
        let store = try await Store.open(
            location.database, logger: Logger(label: "agora.test"), connectionWait: Self.connectionWait, connectionsPerThread: Self.connectionsPerThread
        )
        do {
            if migrated { try await Migrator(store: store).migrate() }
            let result = try await body(store)
            await store.close()
            try await location.cleanUp()
            return result
        } catch {
            await store.close()
            try? await location.cleanUp()
            throw error
        }
    }

    /// A new, empty database location of this engine, and how to remove it.
    public func makeLocation() async throws -> (database: DatabaseLocation, cleanUp: @Sendable () async throws -> Void) {
        switch self {
        case .sqlite:
            let directory = try TemporaryDirectory()
            return (.sqlite(path: directory.path + "/agora.sqlite"), { directory.remove() })
        case .postgresql:
            guard let adminURL = Self.postgresAdminURL else {
                throw TestSetupError("AGORA_TEST_POSTGRES_URL is not set: run the tests through Tests/Support/with-postgres.sh")
            }
            let name = "agora_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try await Self.administer(adminURL, "CREATE DATABASE \(name)")
            var components = URLComponents(string: adminURL)!
            components.path = "/" + name
            return (.postgres(url: components.string!), {
                try await Self.administer(adminURL, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            })
        }
    }

    private static func administer(_ url: String, _ statement: String) async throws {
        let store = try await Store.open(
            .postgres(url: url), logger: Logger(label: "agora.test.admin"), connectionWait: TestDatabase.connectionWait, connectionsPerThread: 1
        )
        do {
            try await store.sql.raw(SQLQueryString(statement)).run()
            await store.close()
        } catch {
            await store.close()
            throw error
        }
    }
}

/// A precondition of the test environment that is not met.
public struct TestSetupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
