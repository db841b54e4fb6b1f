@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Provider dashboard")
struct ProviderDashboardTests {
    static func view(_ harness: AuthHarness, _ slug: String, _ kind: String, agent: String = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0") async throws -> TestResponse {
        try await harness.send(.post, "/api/views", json: #"{"provider": "\#(slug)", "kind": "\#(kind)"}"#, userAgent: agent)
    }

    @Test("the page's beacon counts a view per visitor and half hour, per day and kind, without crawlers; the owner sees the days", arguments: TestDatabase.engines)
    func views(engine: TestDatabase) async throws {
        try await ProfileTests.with(engine) { harness, rita, category in
            let slug = try await ProfileTests.publish(harness, rita, category)

            let first = try await Self.view(harness, slug, "profile")
            #expect(first.status == .noContent && first.headers[.setCookie] == nil)
            #expect(try await Self.view(harness, slug, "profile").status == .noContent, "a reload")
            #expect(try await Self.view(harness, slug, "portfolio").status == .noContent)
            #expect(try await Self.view(harness, slug, "profile", agent: "Mozilla/5.0 (compatible; Googlebot/2.1)").status == .noContent)
            harness.clock.advance(by: ViewDeduplication.window + 1)
            #expect(try await Self.view(harness, slug, "profile").status == .noContent, "the same visitor later")
            harness.clock.advance(by: 86_400)
            #expect(try await Self.view(harness, slug, "profile").status == .noContent, "the next day")

            let dashboard = try await harness.send(.get, "/api/users/profile/dashboard?days=7", bearer: try SignIn(try await harness.login("rita@example.com")).accessToken)
            #expect(dashboard.status == .ok, "\(dashboard.text)")
            let body = try dashboard.json()
            let days = try #require(body["days"] as? [[String: Any]])
            #expect(days.count == 7)
            #expect(days.suffix(2).map { $0["profile_views"] as? Int } == [2, 1], "two on the first day, one the next")
            #expect(days.suffix(2).map { $0["portfolio_views"] as? Int } == [1, 0])
            #expect(body["profile_views"] as? Int == 3 && body["portfolio_views"] as? Int == 1)
            #expect((body["completeness"] as? [String: Any])?["score"] as? Int ?? 0 > 0)
            #expect(body["status"] as? String == "published")
            let stored = try await harness.store.sql.raw("SELECT * FROM profile_view_days").all()
            #expect(stored.count == 3, "a count per day and kind, nothing else")

            // Days past the retention are deleted; the rest stay.
            let later = harness.clock.now.addingTimeInterval(Double(ProfileViews.retentionDays) * 86_400 + 1)
            try await ProfileViews(store: harness.store).forgetOld(now: later)
            let kept = try await harness.store.sql.raw("SELECT day FROM profile_view_days").all().map { try $0.decode(column: "day", as: String.self) }
            #expect(kept.count == 1 && kept.first == ISO8601DateFormatter.string(from: harness.clock.now, timeZone: .gmt, formatOptions: [.withFullDate]),
                    "only the newest day is within \(ProfileViews.retentionDays) days")
        }
    }

    @Test("bad beacons and dashboard parameters are named; others' dashboards cannot be read", arguments: TestDatabase.engines)
    func badInput(engine: TestDatabase) async throws {
        try await ProfileTests.with(engine) { harness, rita, _ in
            #expect(Set(try await harness.send(.post, "/api/views", json: #"{"provider": "Not a slug!", "kind": "video"}"#).fieldErrors) == ["provider", "kind"])
            #expect(try await harness.send(.post, "/api/views", json: #"{"provider": "nobody-here", "kind": "profile"}"#).status == .notFound)
            #expect(try await harness.send(.post, "/api/views", json: #"{"provider": "ada-lovelace", "kind": "profile"}"#).status == .notFound, "a draft is not public")
            #expect(try await harness.send(.post, "/api/views", json: #"{"kind": "profile"}"#).fieldErrors == ["provider"])
            #expect(Set(try await harness.send(.get, "/api/users/profile/dashboard?days=3&colour=red", bearer: rita.accessToken).fieldErrors) == ["days", "colour"])
            #expect(try await harness.send(.get, "/api/users/profile/dashboard?days=400", bearer: rita.accessToken).fieldErrors == ["days"])
            let client = try await harness.signedUp("cleo@example.com")
            #expect(try await harness.send(.get, "/api/users/profile/dashboard", bearer: client.accessToken).status == .forbidden)
            #expect(try await harness.send(.get, "/api/users/profile/dashboard").status == .unauthorized)
            let otto = try await harness.signedUp("otto@example.com", type: "provider")
            let others = try await harness.send(.get, "/api/users/profile/dashboard", bearer: otto.accessToken).json()
            #expect(others["profile_views"] as? Int == 0 && (others["days"] as? [Any])?.count == ProviderDashboardRoutes.defaultDays)
        }
    }
}
