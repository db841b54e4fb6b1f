import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

/// A settings change made through one instance holds on the others without a restart: two `agora serve` processes
/// on one database (PostgreSQL tells the other by NOTIFY, SQLite instances notice the change on their next look).
@Suite("Platform settings on every instance")
struct SettingsFanOutTests {
    @Test("a changed notice shows on both instances within seconds, twice in a row", arguments: TestDatabase.engines)
    func fanOut(engine: TestDatabase) async throws {
        let location = try await engine.makeLocation()
        defer { Task { try? await location.cleanUp() } }
        let database: String
        switch location.database {
        case .sqlite(let path): database = path
        case .postgres(let url): database = url
        }
        let first = try await RunningService(database: database)
        defer { first.stop() }
        let second = try await RunningService(database: database)
        defer { second.stop() }
        let store = try await Store.open(location.database, connectionWait: TestDatabase.connectionWait)
        let staff = try await UserRepository(store: store).insert(NewUser(
            firstName: "Grace", lastName: "Admin", email: try Email("grace@example.com"), passwordHash: "x", phone: nil,
            countryCode: nil, userType: .admin, verificationStatus: .verified
        ), now: Date())
        let actor = AuditActor(userID: staff, role: StaffRole.owner.rawValue, ipAddress: "127.0.0.1", userAgent: "test", requestID: "fan-out")
        let repository = PlatformSettingsRepository(store: store)
        for (version, banner) in ["Planned maintenance at 22:00", "Maintenance is over"].enumerated() {
            _ = try await repository.change(.maintenanceBanner, to: .text(banner), expectedVersion: version, by: actor, now: Date())
            for service in [first, second] {
                var shown = ""
                for _ in 0..<100 where shown != banner {
                    let (_, _, body) = try await service.request("GET", "/api/public/notice")
                    shown = (try JSONSerialization.jsonObject(with: body) as? [String: Any])?["maintenance_banner"] as? String ?? ""
                    if shown != banner { try await Task.sleep(for: .milliseconds(100)) }
                }
                #expect(shown == banner, "\(service.baseURL): \(service.log().suffix(2_000))")
            }
        }
        await store.close()
    }
}
