@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

@Suite("Platform settings")
struct PlatformSettingsTests {
    static func setting(_ key: PlatformSetting, in response: TestResponse) throws -> [String: Any] {
        let settings = try #require(try response.json()["settings"] as? [[String: Any]])
        return try #require(settings.first { $0["key"] as? String == key.rawValue })
    }

    @Test("staff list every setting with its rule, change one (audited, versioned, in force at once) and every page's notice shows it", arguments: TestDatabase.engines)
    func change(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let admin = try await harness.signedInAdministrator()
            let listed = try await harness.send(.get, "/api/admin/settings", bearer: admin.accessToken)
            #expect(listed.status == .ok)
            #expect((try listed.json()["settings"] as? [Any])?.count == PlatformSetting.allCases.count)
            let batch = try Self.setting(.routingBatchSize, in: listed)
            #expect(batch["version"] as? Int == 0)
            #expect(batch["value"] as? Int == 10 && batch["minimum"] as? Int == 1 && batch["maximum"] as? Int == 100)
            #expect(batch["environment_variable"] as? String == "AGORA_ROUTING_BATCH_SIZE" && batch["overridden"] as? Bool == false)

            let changed = try await harness.send(
                .put, "/api/admin/settings/site.maintenance-banner",
                json: #"{"value": "  Maintenance <b>tonight</b> 22:00 UTC ", "version": 0, "reason": "database upgrade"}"#, bearer: admin.accessToken
            )
            #expect(changed.status == .ok, "\(changed.text)")
            #expect(try changed.json()["version"] as? Int == 1)
            #expect(try changed.json()["effective"] as? String == "Maintenance <b>tonight</b> 22:00 UTC")
            let notice = try await harness.send(.get, "/api/public/notice")
            #expect(try notice.json()["maintenance_banner"] as? String == "Maintenance <b>tonight</b> 22:00 UTC")
            #expect(notice.headers[.cacheControl] == "public, max-age=60")

            let audited = try await AuditLog(store: harness.store).entries(about: .setting, id: PlatformSetting.maintenanceBanner.number)
            #expect(audited.map(\.action) == [.settingChanged])
            #expect(audited.first?.reason == "database upgrade")
            #expect(audited.first?.before.contains(#""version":"0""#) == true)
            #expect(audited.first?.after.contains("tonight") == true)

            // A form made from version 0 is out of date now: refused, nothing written.
            let stale = try await harness.send(.put, "/api/admin/settings/site.maintenance-banner", json: #"{"value": "", "version": 0}"#, bearer: admin.accessToken)
            #expect(stale.status == .conflict)
            #expect(stale.problemType == ProblemType.staleVersion.uri)
            #expect(try await PlatformSettingsRepository(store: harness.store).history(of: .maintenanceBanner).count == 1)
        }
    }

    @Test("bad values are refused naming the field, for every kind; an unknown key is 404", arguments: TestDatabase.engines)
    func badInput(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let admin = try await harness.signedInAdministrator()
            let cases: [(String, String, String)] = [
                ("routing.batch-size", #"{"value": 0, "version": 0}"#, "value"),
                ("routing.batch-size", #"{"value": 101, "version": 0}"#, "value"),
                ("routing.batch-size", #"{"value": 2.5, "version": 0}"#, "value"),
                ("routing.batch-size", #"{"value": "12", "version": 0}"#, "value"),
                ("features.registration", #"{"value": 1, "version": 0}"#, "value"),
                ("site.maintenance-banner", #"{"value": "\#(String(repeating: "x", count: 281))", "version": 0}"#, "value"),
                ("site.maintenance-banner", #"{"value": "two\nlines", "version": 0}"#, "value"),
                ("site.maintenance-banner", #"{"value": {"text": "hi"}, "version": 0}"#, "value"),
                ("site.maintenance-banner", #"{"value": [1, 2], "version": 0}"#, "value"),
                ("site.maintenance-banner", #"{"value": "fine"}"#, "version"),
                ("site.maintenance-banner", #"{"version": 0}"#, "value"),
                ("site.maintenance-banner", #"{"value": "fine", "version": 0, "colour": "red"}"#, "colour"),
            ]
            for (key, body, field) in cases {
                let answer = try await harness.send(.put, "/api/admin/settings/\(key)", json: body, bearer: admin.accessToken)
                #expect(answer.status == .unprocessableContent, "\(body): \(answer.status)")
                #expect(answer.fieldErrors.contains(field), "\(body): \(answer.text)")
            }
            #expect(try await harness.send(.put, "/api/admin/settings/no.such-setting", json: #"{"value": 1, "version": 0}"#, bearer: admin.accessToken).status == .notFound)
            #expect(try await harness.send(.get, "/api/admin/settings/no.such-setting/history", bearer: admin.accessToken).status == .notFound)
            #expect(try await PlatformSettingsRepository(store: harness.store).revision() == 0, "nothing was written")
        }
    }

    @Test("an earlier version comes back as the next one, audited as a return; the history lists every version", arguments: TestDatabase.engines)
    func revert(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let admin = try await harness.signedInAdministrator()
            for (version, value) in [(0, 30), (1, 40)] {
                let changed = try await harness.send(.put, "/api/admin/settings/quotas.orders-per-day", json: #"{"value": \#(value), "version": \#(version)}"#, bearer: admin.accessToken)
                #expect(changed.status == .ok)
            }
            let reverted = try await harness.send(
                .post, "/api/admin/settings/quotas.orders-per-day/revert", json: #"{"restore": 1, "version": 2, "reason": "too many"}"#, bearer: admin.accessToken
            )
            #expect(reverted.status == .ok, "\(reverted.text)")
            #expect(try reverted.json()["value"] as? Int == 30)
            #expect(try reverted.json()["version"] as? Int == 3)
            let history = try await harness.send(.get, "/api/admin/settings/quotas.orders-per-day/history", bearer: admin.accessToken)
            let versions = try #require(try history.json()["versions"] as? [[String: Any]])
            #expect(versions.map { $0["version"] as? Int } == [3, 2, 1])
            #expect(versions.map { $0["value"] as? Int } == [30, 40, 30])
            #expect(versions.first?["reason"] as? String == "too many")
            let audited = try await AuditLog(store: harness.store).entries(about: .setting, id: PlatformSetting.ordersPerDay.number)
            #expect(audited.map(\.action) == [.settingReverted, .settingChanged, .settingChanged])

            let missing = try await harness.send(.post, "/api/admin/settings/quotas.orders-per-day/revert", json: #"{"restore": 9, "version": 3}"#, bearer: admin.accessToken)
            #expect(missing.status == .unprocessableContent)
            let stale = try await harness.send(.post, "/api/admin/settings/quotas.orders-per-day/revert", json: #"{"restore": 2, "version": 2}"#, bearer: admin.accessToken)
            #expect(stale.problemType == ProblemType.staleVersion.uri)
        }
    }

    @Test("a setting the environment sets shows its value in force and cannot be changed here")
    func environmentWins() async throws {
        try await AuthHarness.with(overrides: [.routingBatchSize: .number(25)]) { harness in
            let admin = try await harness.signedInAdministrator()
            let batch = try Self.setting(.routingBatchSize, in: try await harness.send(.get, "/api/admin/settings", bearer: admin.accessToken))
            #expect(batch["overridden"] as? Bool == true)
            #expect(batch["effective"] as? Int == 25 && batch["value"] as? Int == 10)
            let refused = try await harness.send(.put, "/api/admin/settings/routing.batch-size", json: #"{"value": 5, "version": 0}"#, bearer: admin.accessToken)
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("AGORA_ROUTING_BATCH_SIZE"))
        }
    }

    @Test("closing sign-ups refuses new accounts with a reason, and reopening lets them in; the quota on orders follows its setting", arguments: TestDatabase.engines)
    func effects(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let admin = try await harness.signedInAdministrator()
            #expect(try await harness.send(.put, "/api/admin/settings/features.registration", json: #"{"value": false, "version": 0}"#, bearer: admin.accessToken).status == .ok)
            let closed = try await harness.register("late@example.com")
            #expect(closed.status == .forbidden)
            #expect(closed.problemType == ProblemType.registrationClosed.uri)
            #expect(try await harness.send(.get, "/api/public/notice").json()["registration_open"] as? Bool == false)
            #expect(try await harness.send(.put, "/api/admin/settings/features.registration", json: #"{"value": true, "version": 1}"#, bearer: admin.accessToken).status == .ok)
            #expect(try await harness.register("late@example.com").status == .accepted)

            #expect(try await harness.send(.put, "/api/admin/settings/quotas.orders-per-day", json: #"{"value": 2, "version": 0}"#, bearer: admin.accessToken).status == .ok)
            _ = try await market.postOrder(market.ada)
            _ = try await market.postOrder(market.ada)
            let third = try await harness.send(.post, "/api/orders", json: market.orderJSON(), bearer: market.ada.accessToken)
            #expect(third.status == .tooManyRequests)
        }
    }

    @Test("changing settings is a dangerous action: a sign-in older than the window must be confirmed first")
    func dangerous() async throws {
        try await AuthHarness.with { harness in
            let admin = try await harness.signedInAdministrator()
            harness.clock.advance(by: 11 * 60)
            let refused = try await harness.send(.put, "/api/admin/settings/site.maintenance-banner", json: #"{"value": "x", "version": 0}"#, bearer: admin.accessToken)
            #expect(refused.problemType == ProblemType.reauthenticationRequired.uri)
            #expect(try await harness.send(.get, "/api/admin/settings", bearer: admin.accessToken).status == .ok)
            #expect(try await PlatformSettingsRepository(store: harness.store).revision() == 0)
        }
    }
}
