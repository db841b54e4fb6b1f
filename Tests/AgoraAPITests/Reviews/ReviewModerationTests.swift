import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Reports, appeals and moderators' decisions on reviews: each decision audited with its reason, the rating and the
/// public list following it, the people concerned told.
@Suite("Review moderation")
struct ReviewModerationTests {
    func decide(_ decision: String, _ reviewID: Int64, reason: String = "Checked the project's messages and payments.", as staff: SignIn, in market: OrderMarketplace) async throws -> TestResponse {
        try await market.harness.send(.post, "/api/admin/reviews/\(reviewID)/\(decision)", json: #"{"reason": "\#(reason)"}"#, bearer: staff.accessToken)
    }

    func queue(_ part: String, as staff: SignIn, in market: OrderMarketplace) async throws -> [[String: Any]] {
        let listed = try await market.harness.send(.get, "/api/admin/reviews?queue=\(part)", bearer: staff.accessToken)
        try #require(listed.status == .ok, "\(listed.text)")
        return try #require(try listed.json()["reviews"] as? [[String: Any]])
    }

    @Test("a held review waits in the queue with its signals until a moderator releases it; audited", arguments: TestDatabase.engines)
    func releasing(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ReviewFixture.completed(in: market)
            let (_, paula, heldID) = try await fixture.heldReview()
            let admin = try await market.harness.signedInAdministrator()
            #expect(try await market.harness.send(.get, "/api/admin/reviews", bearer: paula.accessToken).status == .forbidden)
            let held = try await queue("held", as: admin, in: market)
            #expect(held.count == 1 && (held.first?["review"] as? [String: Any])?["id"] as? Int == Int(heldID))
            let kinds = (held.first?["signals"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
            #expect(kinds == ["shared_address", "extreme_without_text"] && held.first?["fraud_score"] as? Int == 5)
            #expect(try await fixture.published(of: paula.userID).isEmpty)

            #expect(try await decide("release", heldID, reason: "", as: admin, in: market).fieldErrors == ["reason"])
            #expect(try await decide("restore", heldID, as: admin, in: market).status == .conflict, "a held review is released, not restored")
            #expect(try await decide("dismiss", heldID, as: admin, in: market).status == .conflict, "nothing to dismiss")
            let released = try await decide("release", heldID, reason: "Colleagues sharing an office; the work was real.", as: admin, in: market)
            #expect(released.status == .ok, "\(released.text)")
            #expect((try released.json()["review"] as? [String: Any])?["status"] as? String == "published")
            #expect(try await fixture.published(of: paula.userID).count == 1)
            #expect(try await market.harness.emails(to: "paula@example.com").contains { $0.subject.contains("Reviews published") }, "released, it is news")
            #expect(try await fixture.rating(of: paula.userID)["count"] as? Int == 1)
            #expect(try await queue("held", as: admin, in: market).isEmpty)
            let audited = try await AuditLog(store: market.harness.store).entries(about: .review, id: heldID)
            #expect(audited.map(\.action) == [.reviewReleased] && audited.first?.reason.contains("office") == true)
            #expect(try await decide("release", 999_999, as: admin, in: market).status == .notFound)
        }
    }

    @Test("reports and the reviewee's appeal queue a review; hiding upholds them and tells the author and the appellant", arguments: TestDatabase.engines)
    func reportsAndAppeals(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ReviewFixture.completed(in: market)
            let written = try await fixture.review(as: market.ada, ReviewFixture.adaReview)
            let reviewID = try #require(((try written.json())["mine"] as? [String: Any])?["id"] as? Int)
            let report = "/api/reviews/\(reviewID)/report"
            let appeal = "/api/reviews/\(reviewID)/appeal"
            #expect(try await market.harness.send(.post, report, json: #"{"reason": "fake"}"#, bearer: market.bob.accessToken).status == .notFound,
                    "a pending review cannot be reported: it does not exist for anyone else yet")
            try await fixture.review(as: market.paula, ReviewFixture.paulaReview)

            #expect(try await market.harness.send(.post, report, json: #"{"reason": "boring"}"#, bearer: market.bob.accessToken).fieldErrors == ["reason"])
            #expect(try await market.harness.send(.post, report, json: #"{"reason": "fake", "note": "Same wording as on another site."}"#, bearer: market.bob.accessToken).status == .accepted)
            #expect(try await market.harness.send(.post, report, json: #"{"reason": "offensive"}"#, bearer: market.bob.accessToken).status == .conflict, "once")
            #expect(try await market.harness.send(.post, report, json: #"{"reason": "fake"}"#, bearer: market.ada.accessToken).status == .conflict, "not one's own")

            #expect(try await market.harness.send(.post, appeal, json: #"{"reason": "short"}"#, bearer: market.paula.accessToken).fieldErrors == ["reason"])
            #expect(try await market.harness.send(.post, appeal, json: #"{"reason": "I did this work alone, as agreed."}"#, bearer: market.ada.accessToken).status == .conflict)
            #expect(try await market.harness.send(.post, appeal, json: #"{"reason": "I did this work alone, as agreed."}"#, bearer: market.bob.accessToken).status == .notFound)
            let appealed = try await market.harness.send(.post, appeal, json: #"{"reason": "The review names a colleague's work as mine."}"#, bearer: market.paula.accessToken)
            #expect(appealed.status == .accepted)
            #expect(try await market.harness.send(.post, appeal, json: #"{"reason": "The review names a colleague's work as mine."}"#, bearer: market.paula.accessToken).status == .conflict)

            let admin = try await market.harness.signedInAdministrator()
            let reported = try await queue("reported", as: admin, in: market)
            #expect(((reported.first?["reports"] as? [[String: Any]])?.first)?["reason"] as? String == "fake")
            #expect(((try await queue("appealed", as: admin, in: market)).first?["appeal"] as? [String: Any])?["status"] as? String == "open")
            #expect((reported.first?["review"] as? [String: Any])?["private_feedback"] == nil)

            let hidden = try await decide("hide", Int64(reviewID), reason: "It describes another provider's work.", as: admin, in: market)
            #expect(hidden.status == .ok, "\(hidden.text)")
            let decided = try hidden.json()
            #expect((decided["appeal"] as? [String: Any])?["status"] as? String == "upheld")
            #expect((decided["reports"] as? [[String: Any]])?.allSatisfy { $0["status"] as? String == "upheld" } == true)
            #expect(try await fixture.published(of: market.paula.userID).isEmpty)
            #expect(try await fixture.rating(of: market.paula.userID)["count"] as? Int == 0)
            #expect(try await market.harness.emails(to: "paula@example.com").contains { $0.subject == "Your appeal was upheld" })
            #expect(try await market.harness.emails(to: "ada@example.com").contains { $0.subject.hasPrefix("Your review of") && $0.textBody.contains("another provider's work") })
            #expect(try await queue("reported", as: admin, in: market).isEmpty)
            #expect(try await queue("appealed", as: admin, in: market).isEmpty)
            #expect(try await market.harness.send(.post, "/api/reviews/\(reviewID)/response", json: #"{"body": "Thanks."}"#, bearer: market.paula.accessToken).status == .notFound,
                    "a hidden review is not answered")

            let restored = try await decide("restore", Int64(reviewID), reason: "The other provider was a subcontractor.", as: admin, in: market)
            #expect(restored.status == .ok)
            #expect(try await fixture.rating(of: market.paula.userID)["count"] as? Int == 1)
            let removed = try await decide("remove", Int64(reviewID), reason: "It names the provider's home address.", as: admin, in: market)
            #expect(try removed.status == .ok && (removed.json()["review"] as? [String: Any])?["status"] as? String == "removed")
            #expect(try await fixture.published(of: market.paula.userID).isEmpty)
            #expect(try await fixture.rating(of: market.paula.userID)["count"] as? Int == 0)
            #expect(try await market.harness.emails(to: "ada@example.com").contains { $0.subject.hasSuffix("was removed") && $0.textBody.contains("home address") })
            #expect(try await decide("restore", Int64(reviewID), reason: "Changed my mind about it.", as: admin, in: market).status == .conflict, "removed is for good")
            #expect(try await decide("hide", Int64(reviewID), reason: "Changed my mind about it.", as: admin, in: market).status == .conflict)
            let actions = try await AuditLog(store: market.harness.store).entries(about: .review, id: Int64(reviewID)).map(\.action)
            #expect(Set(actions) == [.reviewHidden, .reviewRestored, .reviewRemoved] && actions.count == 3, "refused decisions leave no entry")
        }
    }
}
