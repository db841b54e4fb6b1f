import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

/// The private calendar feed: the person's meetings and their running projects' milestone due dates, at an address
/// that a rotation stops at once and that cannot be made for someone else.
@Suite("Calendar feed")
struct CalendarFeedTests {
    @Test("the feed holds the member's meetings and due dates; a rotated or forged address answers 404", arguments: TestDatabase.engines)
    func feed(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await MeetingFixture.running(in: market)
            let harness = market.harness
            let (id, _) = try await fixture.scheduled()
            let uid = try #require(try await fixture.meeting(id, as: market.paula).json()["uid"] as? String)

            let address = try #require(try await harness.send(.get, "/api/calendar/feed", bearer: market.paula.accessToken).json()["url"] as? String)
            let path = String(address.dropFirst(harness.composer.baseURL.count))
            #expect(path.hasPrefix("/api/calendar/\(market.paula.userID).0.") && path.hasSuffix(".ics"))
            let feed = try await harness.send(.get, path)
            #expect(feed.status == .ok && feed.headers[.contentType] == "text/calendar; charset=utf-8")
            for line in ["METHOD:PUBLISH", "UID:\(uid)", "RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=4", "SUMMARY:Due: Design (", "DTSTART;VALUE=DATE:"] {
                #expect(feed.text.contains(line), "\(line)")
            }
            #expect(!feed.text.contains("#token="), "a member's feed carries the join route, not a guest's link")

            // Bob's feed has nothing of theirs; Paula's address with Bob's id is refused.
            let bobs = try #require(try await harness.send(.get, "/api/calendar/feed", bearer: market.bob.accessToken).json()["url"] as? String)
            let bobFeed = try await harness.send(.get, String(bobs.dropFirst(harness.composer.baseURL.count)))
            #expect(bobFeed.status == .ok && !bobFeed.text.contains(uid) && !bobFeed.text.contains("Due:"))
            let forged = path.replacingOccurrences(of: "/api/calendar/\(market.paula.userID).", with: "/api/calendar/\(market.bob.userID).")
            #expect(try await harness.send(.get, forged).status == .notFound)
            #expect(try await harness.send(.get, "/api/calendar/feed").status == .unauthorized)

            let rotated = try #require(try await harness.send(.post, "/api/calendar/feed/rotate", bearer: market.paula.accessToken).json()["url"] as? String)
            #expect(rotated != address && rotated.contains(".1."))
            #expect(try await harness.send(.get, path).status == .notFound, "the old address stops at once")
            #expect(try await harness.send(.get, String(rotated.dropFirst(harness.composer.baseURL.count))).status == .ok)
        }
    }
}
