import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraWorkflows
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// A project between Ada (client) and Paula (provider) taken to completion — each milestone funded, delivered and
/// approved, so its money is released — for the parties to review.
struct ReviewFixture {
    let project: ProjectFixture

    var market: OrderMarketplace { project.market }
    var harness: AuthHarness { project.harness }
    var projectID: Int64 { project.projectID }

    /// `provider` (Paula unless told) does the work.
    static func completed(in market: OrderMarketplace, provider: SignIn? = nil) async throws -> ReviewFixture {
        let provider = provider ?? market.paula
        let fixture = try await ProjectFixture.accepted(in: market, provider: provider)
        for milestone in fixture.milestoneIDs {
            try #require(try await fixture.fund(milestone).status == .ok)
            try #require(try await fixture.step("start", milestone, as: provider).status == .ok)
            try #require(try await fixture.step("submit", milestone, as: provider, note: "Delivered, with the source files.").status == .ok)
            try #require(try await fixture.step("approve", milestone, as: market.ada).status == .ok)
        }
        try #require(try await fixture.project(as: market.ada)["status"] as? String == "completed")
        return ReviewFixture(project: fixture)
    }

    @discardableResult
    func review(as member: SignIn, _ json: String) async throws -> TestResponse {
        try await harness.send(.post, "/api/projects/\(projectID)/reviews", json: json, bearer: member.accessToken)
    }

    func reviews(as member: SignIn) async throws -> TestResponse {
        try await harness.send(.get, "/api/projects/\(projectID)/reviews", bearer: member.accessToken)
    }

    /// Anyone's view of a member's published reviews (no token).
    func published(of userID: Int64, _ query: String = "") async throws -> [[String: Any]] {
        let listed = try await harness.send(.get, "/api/users/\(userID)/reviews\(query)")
        try #require(listed.status == .ok, "\(listed.text)")
        return try #require(try listed.json()["reviews"] as? [[String: Any]])
    }

    func rating(of userID: Int64) async throws -> [String: Any] {
        let shown = try await harness.send(.get, "/api/users/\(userID)/rating")
        try #require(shown.status == .ok, "\(shown.text)")
        return try shown.json()
    }

    func job() async -> ReviewPublicationJob {
        let store = harness.store
        return ReviewPublicationJob(
            store: store, settings: await LivePlatformSettings.read(from: store, overrides: [:]),
            announcer: ReviewAnnouncer(email: harness.composer), clock: harness.clock
        )
    }

    /// Both parties, a week on (no longer new accounts), signed in from one public address with their own browsers;
    /// Ada rates Paula 5 without a word (held: the shared address and the extreme rating without text reach the
    /// threshold), Paula rates Ada 4 with words (published). Returns the two signed in again.
    func heldReview() async throws -> (ada: SignIn, paula: SignIn, heldID: Int64) {
        harness.clock.advance(by: 8 * 86_400)
        let ada = try SignIn(try await harness.login("ada@example.com"))
        let paula = try SignIn(try await harness.login("paula@example.com"))
        let log = AuthEventRepository(store: harness.store)
        for (member, browser) in [(ada, "Firefox/140.0"), (paula, "Safari/605.1.15")] {
            try await log.record(AuthEvent(
                userID: member.userID, kind: .login, outcome: .success, ipAddress: "203.0.113.9", userAgent: "Mozilla/5.0 \(browser)", createdAt: harness.clock.now
            ))
        }
        let written = try await review(as: ada, #"{"rating": 5}"#)
        let heldID = try #require(((try written.json())["mine"] as? [String: Any])?["id"] as? Int)
        try #require(try await review(as: paula, Self.paulaReview).status == .created)
        return (ada, paula, Int64(heldID))
    }

    static let adaReview = #"{"rating": 5, "sub_ratings": {"communication": 5, "quality": 4, "timeliness": 5, "value": 4}, "comment": "Paula rebuilt our booking flow in two weeks and documented every step of it.", "private_feedback": "The platform's invoices were hard to find."}"#
    static let paulaReview = #"{"rating": 4, "comment": "Clear brief, quick answers, and the payments arrived on time."}"#
}
