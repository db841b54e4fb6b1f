import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Double-blind reviews after real work: written once within the window, hidden from the other party everywhere until
/// both are in or the window closes, then published with the reviewee's rating recomputed; answered once.
@Suite("Reviews")
struct ReviewTests {
    @Test("neither party sees the other's review until both are in; then both publish and the rating follows", arguments: TestDatabase.engines)
    func doubleBlind(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let running = try await ProjectFixture.accepted(in: market)
            let early = try await market.harness.send(.post, "/api/projects/\(running.projectID)/reviews", json: ReviewFixture.adaReview, bearer: market.ada.accessToken)
            #expect(early.status == .conflict && early.text.contains("completed"), "a running project is not reviewed")

            let fixture = try await ReviewFixture.completed(in: market)
            let before = try await fixture.reviews(as: market.paula).json()
            #expect(before["can_review"] as? Bool == true && before["theirs_written"] as? Bool == false && before["closes_at"] is String)

            let written = try await fixture.review(as: market.ada, ReviewFixture.adaReview)
            #expect(written.status == .created, "\(written.text)")
            let mine = try #require(try written.json()["mine"] as? [String: Any])
            #expect(mine["status"] as? String == "pending" && mine["private_feedback"] as? String == "The platform's invoices were hard to find.")
            #expect((mine["sub_ratings"] as? [String: Int]) == ["communication": 5, "quality": 4, "timeliness": 5, "value": 4])
            #expect(try await fixture.review(as: market.ada, ReviewFixture.adaReview).status == .conflict, "a review is written once")

            // Paula knows a review exists, never what it says: not in the API, the email, the notification or the public list.
            let waiting = try await fixture.reviews(as: market.paula)
            #expect(waiting.status == .ok)
            let waitingBody = try waiting.json()
            #expect(waitingBody["theirs_written"] as? Bool == true && waitingBody["theirs"] == nil && waitingBody["mine"] == nil)
            #expect(!waiting.text.contains("booking flow") && !waiting.text.contains("\"rating\""))
            let told = try #require(try await market.harness.emails(to: "paula@example.com").first { $0.subject.contains("reviewed") })
            #expect(!told.textBody.contains("booking flow") && !told.htmlBody.contains("booking flow"))
            let notifications = try await market.harness.send(.get, "/api/notifications", bearer: market.paula.accessToken)
            #expect(notifications.text.contains("review_requested") && !notifications.text.contains("booking flow"))
            #expect(try await fixture.published(of: market.paula.userID).isEmpty)
            #expect(try await fixture.rating(of: market.paula.userID)["count"] as? Int == 0)

            // Someone else sees no project at all.
            #expect(try await fixture.reviews(as: market.bob).status == .notFound)
            #expect(try await fixture.review(as: market.bob, ReviewFixture.paulaReview).status == .notFound)

            let answered = try await fixture.review(as: market.paula, ReviewFixture.paulaReview)
            #expect(answered.status == .created, "\(answered.text)")
            let both = try answered.json()
            let theirs = try #require(both["theirs"] as? [String: Any])
            #expect(theirs["status"] as? String == "published" && theirs["rating"] as? Int == 5 && theirs["private_feedback"] == nil)
            #expect((both["mine"] as? [String: Any])?["status"] as? String == "published" && both["can_review"] as? Bool == false)
            let adaSees = try await fixture.reviews(as: market.ada).json()
            #expect((adaSees["theirs"] as? [String: Any])?["comment"] as? String == "Clear brief, quick answers, and the payments arrived on time.")
            #expect(try await market.harness.emails(to: "ada@example.com").contains { $0.subject.contains("Reviews published") })

            // Public: the review, the reviewer's short name, never the private feedback; the rating recomputed.
            let list = try await fixture.published(of: market.paula.userID)
            #expect(list.count == 1 && list.first?["private_feedback"] == nil)
            #expect((list.first?["reviewer"] as? [String: Any])?["name"] as? String == "Ada L." && list.first?["project_title"] is String)
            let rating = try await fixture.rating(of: market.paula.userID)
            #expect(rating["count"] as? Int == 1 && rating["average"] as? Double == 5 && rating["distribution"] as? [Int] == [0, 0, 0, 0, 1])
            #expect((rating["sub_ratings"] as? [String: Double])?["quality"] == 4 && (rating["displayed"] as? Double ?? 5) < 5)
            #expect((rating["trend"] as? [[String: Any]])?.count == 12)
            let stored = try #require(try await market.harness.store.sql.raw("""
                SELECT rating_average, rating_count FROM user_statistics WHERE user_id = \(bind: market.paula.userID)
                """).first())
            #expect(try stored.decode(column: "rating_count", as: Int.self) == 1 && stored.decode(column: "rating_average", as: Double.self) == 5)
            #expect(try await fixture.rating(of: market.ada.userID)["distribution"] as? [Int] == [0, 0, 0, 1, 0], "Ada is reviewed as a client")
            // Providers read it on her next order.
            let next = try await market.postOrder(market.ada)
            let client = try await market.harness.send(.get, "/api/orders/\(next)", bearer: market.paula.accessToken).json()["client"] as? [String: Any]
            let prior = try await ReviewRepository(store: market.harness.store).ratingPrior()
            #expect(client?["rating"] as? Double == RatingText.shown(prior.displayed(average: 4, count: 1)) && client?["rating_count"] as? Int == 1)
        }
    }

    @Test("the reviewee answers once; nobody else answers, and a pending review cannot be answered", arguments: TestDatabase.engines)
    func responses(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ReviewFixture.completed(in: market)
            let pending = try #require(((try await fixture.review(as: market.ada, ReviewFixture.adaReview).json())["mine"] as? [String: Any])?["id"] as? Int)
            let early = try await market.harness.send(.post, "/api/reviews/\(pending)/response", json: #"{"body": "Thank you!"}"#, bearer: market.paula.accessToken)
            #expect(early.status == .notFound, "a pending review does not exist for the reviewee")
            try await fixture.review(as: market.paula, ReviewFixture.paulaReview)

            let path = "/api/reviews/\(pending)/response"
            #expect(try await market.harness.send(.post, path, json: #"{"body": ""}"#, bearer: market.paula.accessToken).fieldErrors == ["body"])
            #expect(try await market.harness.send(.post, path, json: #"{"body": "Thanks", "extra": 1}"#, bearer: market.paula.accessToken).fieldErrors == ["extra"])
            #expect(try await market.harness.send(.post, path, json: #"{"body": "Mine."}"#, bearer: market.ada.accessToken).status == .conflict, "the author does not answer")
            #expect(try await market.harness.send(.post, path, json: #"{"body": "Hi."}"#, bearer: market.bob.accessToken).status == .notFound)
            let hostile = #"{"body": "Thank you <script>alert(1)</script> — it was a pleasure."}"#
            let answer = try await market.harness.send(.post, path, json: hostile, bearer: market.paula.accessToken)
            #expect(answer.status == .created, "\(answer.text)")
            #expect(try await market.harness.send(.post, path, json: #"{"body": "Again."}"#, bearer: market.paula.accessToken).status == .conflict)
            let listed = try await fixture.published(of: market.paula.userID)
            #expect((listed.first?["response"] as? [String: Any])?["body"] as? String == "Thank you <script>alert(1)</script> — it was a pleasure.")
            #expect(try await market.harness.emails(to: "ada@example.com").contains { $0.subject.contains("answered your review") })
        }
    }

    @Test("when the window closes, what was written publishes; late reviews are refused; reminders go once each", arguments: TestDatabase.engines)
    func windowCloses(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ReviewFixture.completed(in: market)
            let job = await fixture.job()
            try await fixture.review(as: market.ada, ReviewFixture.adaReview)
            #expect(try await job.runOnce() == ReviewPublicationJob.Pass())

            market.harness.clock.advance(by: 86_400 + 60)
            #expect(try await job.runOnce() == ReviewPublicationJob.Pass(reminded: 1), "Paula, who has not reviewed; not Ada")
            #expect(try await job.runOnce() == ReviewPublicationJob.Pass(), "each reminder once")
            #expect(try await market.harness.emails(to: "paula@example.com").first?.subject.hasPrefix("Review “") == true)
            market.harness.clock.advance(by: 10 * 86_400)
            #expect(try await job.runOnce() == ReviewPublicationJob.Pass(reminded: 1), "the last reminder, three days before the end")

            market.harness.clock.advance(by: 3 * 86_400)
            #expect(try await job.runOnce() == ReviewPublicationJob.Pass(published: 1))
            let paula = try SignIn(try await market.harness.login("paula@example.com"))
            let late = try await fixture.review(as: paula, ReviewFixture.paulaReview)
            #expect(late.status == .conflict && late.text.contains("closed"))
            let seen = try await fixture.reviews(as: paula).json()
            #expect((seen["theirs"] as? [String: Any])?["status"] as? String == "published" && seen["can_review"] as? Bool == false)
            #expect(try await fixture.published(of: market.paula.userID).count == 1)
            #expect(try await fixture.published(of: market.ada.userID).isEmpty)
            #expect(try await job.runOnce() == ReviewPublicationJob.Pass())
            // A month on, the rating is recomputed for its reviews' age, once.
            market.harness.clock.advance(by: ReviewPublicationJob.ratingAge + 60)
            #expect(try await job.runOnce() == ReviewPublicationJob.Pass(refreshed: 1))
            #expect(try await job.runOnce() == ReviewPublicationJob.Pass())
        }
    }

    @Test("bad reviews and bad list queries are refused naming each field", arguments: TestDatabase.engines)
    func badInput(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ReviewFixture.completed(in: market)
            let cases: [(String, [String])] = [
                (#"{}"#, ["rating"]),
                (#"{"rating": 0}"#, ["rating"]),
                (#"{"rating": 6}"#, ["rating"]),
                (#"{"rating": "five"}"#, ["rating"]),
                (#"{"rating": 4.5}"#, ["rating"]),
                (#"{"rating": 4, "sub_ratings": {"speed": 3, "quality": 9}}"#, ["sub_ratings.quality", "sub_ratings.speed"]),
                (#"{"rating": 4, "sub_ratings": [5]}"#, ["sub_ratings"]),
                (#"{"rating": 4, "comment": "\#(String(repeating: "a", count: 5_001))"}"#, ["comment"]),
                (#"{"rating": 4, "stars": 4}"#, ["stars"]),
            ]
            for (body, fields) in cases {
                let refused = try await fixture.review(as: market.ada, body)
                #expect(refused.status == .unprocessableContent && refused.fieldErrors.sorted() == fields.sorted(), "\(body.prefix(80)): \(refused.text.prefix(300))")
            }
            #expect(try await fixture.reviews(as: market.ada).json()["mine"] == nil, "nothing was written")
            #expect(try await market.harness.send(.post, "/api/projects/999999/reviews", json: ReviewFixture.adaReview, bearer: market.ada.accessToken).status == .notFound)
            #expect(try await market.harness.send(.post, "/api/projects/\(fixture.projectID)/reviews", json: ReviewFixture.adaReview).status == .unauthorized)

            let path = "/api/users/\(market.paula.userID)/reviews"
            let listed = try await market.harness.send(.get, path + "?stars=9&sort=best&cursor=x&limit=0&q=a")
            #expect(listed.status == .unprocessableContent && listed.fieldErrors.sorted() == ["cursor", "limit", "q", "sort", "stars"])
            #expect(try await market.harness.send(.get, path + "?colour=red").fieldErrors == ["colour"])
            #expect(try await market.harness.send(.get, "/api/users/999999/reviews").status == .notFound)
            #expect(try await market.harness.send(.get, "/api/users/999999/rating").status == .notFound)
        }
    }

    @Test("two submissions racing write one review", arguments: TestDatabase.engines)
    func racing(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ReviewFixture.completed(in: market)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<6 { group.addTask { try await fixture.review(as: market.ada, ReviewFixture.adaReview).status } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1 && statuses.filter { $0 == .conflict }.count == 5, "\(statuses)")
            let count = try await market.harness.store.sql.raw("SELECT COUNT(*) AS n FROM reviews").first()?.decode(column: "n", as: Int.self)
            #expect(count == 1)
        }
    }

    @Test("a review with fraud signals over the threshold is held out of the rating and the public list", arguments: TestDatabase.engines)
    func held(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ReviewFixture.completed(in: market)
            let (ada, _, _) = try await fixture.heldReview()
            let adaSees = try await fixture.reviews(as: ada).json()
            #expect((adaSees["mine"] as? [String: Any])?["status"] as? String == "pending", "the author is not told it is held")
            #expect(try await market.harness.emails(to: "paula@example.com").allSatisfy { !$0.subject.contains("Reviews published") },
                    "nor is the member reviewed told of a review they cannot read")
            #expect(try await market.harness.emails(to: "ada@example.com").contains { $0.subject.contains("Reviews published") })
            #expect(try await fixture.published(of: market.paula.userID).isEmpty)
            #expect(try await fixture.rating(of: market.paula.userID)["count"] as? Int == 0)
            let row = try #require(try await market.harness.store.sql.raw("""
                SELECT status, fraud_score, signals FROM reviews WHERE reviewer_id = \(bind: market.ada.userID)
                """).first())
            #expect(try row.decode(column: "status", as: String.self) == "held")
            let signals = try row.decode(column: "signals", as: String.self)
            #expect(signals.contains("shared_address") && signals.contains("203.0.113.9") && signals.contains("extreme_without_text"))
            #expect(try row.decode(column: "fraud_score", as: Int.self) >= ReviewRules.standard.holdThreshold)
            // Paula's review of Ada has text and a middling rating: the shared address alone (4) stays under the threshold.
            #expect(try await fixture.published(of: market.ada.userID).count == 1)
        }
    }
}
