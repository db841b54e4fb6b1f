import AgoraStore
import AgoraTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Health")
struct HealthTests {
    @Test("health reports the version, the engine and the migrations", arguments: TestDatabase.engines)
    func healthy(engine: TestDatabase) async throws {
        try await APIFixture.with(engine) { client in
            try await client.execute(uri: "/api/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let body = try response.json()
                #expect(body["status"] as? String == "ok")
                #expect(body["version"] as? String == "0.1.0")
                let database = body["database"] as? [String: Any]
                #expect(database?["engine"] as? String == engine.rawValue)
                #expect(database?["migrations_applied"] as? [Int] == Migrations.all.map(\.version))
                #expect(database?["migrations_pending"] as? [Int] == [])
                #expect(response.headers[.init("X-Request-ID")!]?.isEmpty == false)
            }
        }
    }

    @Test("an unmigrated database answers 503 with what is pending")
    func pendingMigrations() async throws {
        try await APIFixture.with(migrated: false) { client in
            try await client.execute(uri: "/api/health", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let body = try response.json()
                #expect(body["status"] as? String == "migrations pending")
                #expect((body["database"] as? [String: Any])?["migrations_pending"] as? [Int] == Migrations.all.map(\.version))
            }
        }
    }
}
