import AgoraAPI
import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Statistics and testimonials")
struct StatisticsAndTestimonialTests {
    @Test("the public figures count public providers, confirmed clients and projects, by country; a snapshot is kept once a day", arguments: TestDatabase.engines)
    func statistics(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            try await MarketplaceSeeder(store: harness.store).seed(providers: 30, seed: 4, now: AuthHarness.start)
            _ = try await harness.signedUp("ada@example.com")
            _ = try await harness.register("pending@example.com")
            let hidden = try #require(try await harness.store.sql.raw("SELECT slug FROM user_profiles ORDER BY user_id LIMIT 1").first()?.decode(column: "slug", as: String.self))
            try await ProviderRepository(store: harness.store).setPublished(try Slug(hidden), false, now: AuthHarness.start)

            let response = try await harness.send(.get, "/api/public/stats")
            #expect(response.status == .ok)
            #expect(response.headers[.cacheControl] == "public, max-age=900")
            let body = try response.json()
            #expect(body["providers"] as? Int == 29)
            #expect(body["clients"] as? Int == 1)
            let direct = try #require(try await harness.store.sql.raw("""
                SELECT CAST(SUM(s.completed_projects) AS BIGINT) AS n FROM user_statistics s JOIN user_profiles p ON p.user_id = s.user_id WHERE p.published = TRUE
                """).first()?.decode(column: "n", as: Int.self))
            #expect(body["completed_projects"] as? Int == direct)
            let rate = try #require(body["completion_rate"] as? Double)
            #expect(rate > 0.8 && rate <= 1)
            let countries = try #require(body["countries"] as? [[String: Any]])
            #expect(countries.compactMap { $0["providers"] as? Int }.reduce(0, +) == 29)
            #expect(countries.first { $0["code"] as? String == "FR" }?["clients"] as? Int == 1)

            let job = StatisticsSnapshotJob(store: harness.store, clock: harness.clock)
            #expect(try await job.runOnce())
            #expect(try await !job.runOnce())
            harness.clock.advance(by: 86_400)
            #expect(try await job.runOnce())
            let history = try await MarketplaceStatisticsRepository(store: harness.store).history(since: "2000-01-01")
            #expect(history.count == 2)
            #expect(history.first?.statistics.providers == 29)
        }
    }

    @Test("a testimonial waits for moderation; only approved ones are public, featured first; moderation is for administrators", arguments: TestDatabase.engines)
    func testimonials(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let admin = try await harness.signedInAdministrator()
            let ada = try await harness.signedUp("ada@example.com")
            let text = #"<script>alert(1)</script> Agora found me a great designer in two days."#
            let submitted = try await harness.send(.post, "/api/testimonials", json: #"{"content": "\#(text)", "rating": 5}"#, bearer: ada.accessToken)
            #expect(submitted.status == .created)
            let first = try submitted.json()
            let id = try #require(first["id"] as? Int)
            #expect(first["status"] as? String == "pending")
            #expect(first["author_name"] as? String == "Ada L.")
            #expect(first["content"] as? String == text)

            let invalid = try await harness.send(.post, "/api/testimonials", json: #"{"content": "Too short", "rating": 9}"#, bearer: ada.accessToken)
            #expect(invalid.status == .unprocessableContent)
            #expect(Set(invalid.fieldErrors) == ["content", "rating"])
            #expect(try await harness.send(.post, "/api/testimonials", json: #"{"content": "x", "rating": 4.5}"#, bearer: ada.accessToken).fieldErrors.contains("rating"))
            #expect(try await harness.send(.post, "/api/testimonials", json: #"{"content": "Long enough to be a testimonial.", "rating": 4}"#).status == .unauthorized)

            func publicList() async throws -> [[String: Any]] {
                try await harness.send(.get, "/api/public/testimonials").json()["testimonials"] as? [[String: Any]] ?? []
            }
            #expect(try await publicList().isEmpty)
            #expect(try await harness.send(.post, "/api/admin/testimonials/\(id)/approve", bearer: ada.accessToken).status == .forbidden)
            #expect(try await harness.send(.post, "/api/admin/testimonials/\(id)/approve").status == .unauthorized)
            let pending = try await harness.send(.get, "/api/admin/testimonials", bearer: admin.accessToken).json()
            #expect((pending["testimonials"] as? [Any])?.count == 1)
            #expect(try await harness.send(.put, "/api/admin/testimonials/\(id)/featured", json: #"{"featured": true}"#, bearer: admin.accessToken).status == .unprocessableContent)
            #expect(try await harness.send(.post, "/api/admin/testimonials/\(id)/approve", bearer: admin.accessToken).status == .ok)
            let twice = try await harness.send(.post, "/api/admin/testimonials/\(id)/approve", bearer: admin.accessToken)
            #expect(twice.status == .conflict)
            #expect(twice.problemType == "urn:agora:problem:invalid-transition")
            #expect(try await harness.send(.post, "/api/admin/testimonials/999/approve", bearer: admin.accessToken).status == .notFound)
            #expect(try await publicList().map { $0["id"] as? Int } == [id])
            let audited = try await AuditLog(store: harness.store).entries(about: .testimonial, id: Int64(id))
            #expect(audited.map(\.action) == [.testimonialApproved], "the approval is audited; the refused second one is not")
            #expect(audited.first?.actorID == admin.userID && audited.first?.after == #"{"status":"approved"}"#)
            #expect(audited.first?.userAgent.hasSuffix("Firefox/140.0") == true && audited.first?.requestID.isEmpty == false)

            // More approved testimonials: the featured one comes first every day, the others rotate.
            var others: [Int] = []
            for index in 1...8 {
                let body = #"{"content": "Testimonial number \#(index) says the service is good.", "rating": 4}"#
                let created = try await harness.send(.post, "/api/testimonials", json: body, bearer: ada.accessToken).json()
                let other = try #require(created["id"] as? Int)
                try #require(try await harness.send(.post, "/api/admin/testimonials/\(other)/approve", bearer: admin.accessToken).status == .ok)
                others.append(other)
            }
            let featured = others[4]
            #expect(try await harness.send(.put, "/api/admin/testimonials/\(featured)/featured", json: #"{"featured": true}"#, bearer: admin.accessToken).status == .ok)
            var orders: Set<[Int]> = []
            for _ in 0..<4 {
                let order = try await publicList().compactMap { $0["id"] as? Int }
                #expect(order.first == featured)
                #expect(order.count == 6)
                orders.insert(order)
                harness.clock.advance(by: 86_400)
            }
            #expect(orders.count > 1)
            #expect(try await harness.send(.get, "/api/public/testimonials?limit=50").status == .badRequest)
            // Withdrawing a featured testimonial takes its feature away (days later: the administrator signs in again).
            let again = try await harness.signInWithSecondFactor("grace@example.com")
            let withdrawal = try await harness.send(.post, "/api/admin/testimonials/\(featured)/reject", bearer: again.accessToken)
            #expect(withdrawal.status == .ok, "\(withdrawal.text)")
            let withdrawn = try withdrawal.json()
            #expect(withdrawn["status"] as? String == "rejected")
            #expect(withdrawn["featured"] as? Bool == false)
        }
    }

    @Test("an account has at most three testimonials waiting")
    func pendingLimit() async throws {
        try await AuthHarness.with { harness in
            let ada = try await harness.signedUp("ada@example.com")
            for index in 1...TestimonialRepository.maximumPendingPerAccount {
                let created = try await harness.send(.post, "/api/testimonials", json: #"{"content": "Testimonial \#(index) about the marketplace.", "rating": 5}"#, bearer: ada.accessToken)
                try #require(created.status == .created)
            }
            #expect(try await harness.send(.post, "/api/testimonials", json: #"{"content": "One more testimonial about it.", "rating": 5}"#, bearer: ada.accessToken).status == .conflict)
        }
    }
}
