import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

/// Answers and joining: members answer in the app and guests through their link; the organiser hears of each answer;
/// the room opens ten minutes before and its address reaches participants only.
@Suite("Meeting answers and joining")
struct MeetingAttendanceTests {
    @Test("members and guests answer; the room opens ten minutes before to participants only, and each visit counts", arguments: TestDatabase.engines)
    func answersAndJoining(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await MeetingFixture.running(in: market)
            let (id, _) = try await fixture.scheduled()
            let harness = market.harness

            let answered = try await harness.send(.post, "/api/meetings/\(id)/rsvp", json: #"{"response": "tentative", "reminders": [60]}"#, bearer: market.paula.accessToken)
            #expect(answered.status == .ok, "\(answered.text)")
            let body = try answered.json()
            #expect(body["your_response"] as? String == "tentative" && (body["your_reminders"] as? [Int]) == [60])
            let told = try #require(try await harness.emails(to: "ada@example.com").first)
            #expect(told.subject.contains("might attend") && told.calendar == nil)
            #expect(try await harness.send(.post, "/api/meetings/\(id)/rsvp", json: #"{"response": "maybe"}"#, bearer: market.paula.accessToken).status == .unprocessableContent)
            #expect(try await harness.send(.post, "/api/meetings/\(id)/rsvp", json: #"{"reminders": [5, 5]}"#, bearer: market.paula.accessToken).status == .unprocessableContent)
            #expect(try await harness.send(.post, "/api/meetings/\(id)/rsvp", json: #"{}"#, bearer: market.paula.accessToken).status == .unprocessableContent)

            // Gina, a guest, through the token in her invitation.
            let token = try await fixture.guestToken("gina@example.com")
            let read = try await harness.send(.post, "/api/meeting-invitations/read", json: #"{"token": "\#(token)"}"#)
            #expect(try read.status == .ok && (try read.json()["title"] as? String) == "Weekly sync")
            let declined = try await harness.send(.post, "/api/meeting-invitations/rsvp", json: #"{"token": "\#(token)", "response": "declined"}"#)
            #expect(try declined.status == .ok && (try declined.json()["your_response"] as? String) == "declined")
            for forged in [token + "x", "1-" + String(token.split(separator: "-")[1]), "nothing"] {
                #expect(try await harness.send(.post, "/api/meeting-invitations/read", json: #"{"token": "\#(forged)"}"#).status == .notFound, "\(forged)")
            }

            // Too early: the room is closed, and says when it opens.
            let early = try await harness.send(.get, "/api/meetings/\(id)/join", bearer: market.paula.accessToken)
            #expect(early.status == .conflict && early.text.contains("2026-10-19T07:50:00Z"))
            // The calendar's join link sends the browser to the joining page.
            let link = try await harness.send(.get, "/meetings/\(id)/join")
            #expect(link.status == .seeOther && link.headers[.location] == "/meetings/join/?id=\(id)")

            harness.clock.advance(by: Date(timeIntervalSince1970: 1_792_396_800 - 300).timeIntervalSince(harness.clock.now))
            let paula = try SignIn(try await harness.login("paula@example.com"))
            let ada = try SignIn(try await harness.login("ada@example.com"))
            let joined = try await harness.send(.get, "/api/meetings/\(id)/join", bearer: paula.accessToken)
            #expect(joined.status == .ok, "\(joined.text)")
            let url = try #require(try joined.json()["url"] as? String)
            #expect(url.hasPrefix("https://meet.jit.si/Agora") && url.count == "https://meet.jit.si/Agora".count + 24)
            #expect(try await harness.send(.get, "/api/meetings/\(id)/join", bearer: ada.accessToken).status == .ok)
            let guest = try await harness.send(.post, "/api/meeting-invitations/join", json: #"{"token": "\#(token)"}"#)
            #expect(try guest.status == .ok && (try guest.json()["url"] as? String) == url)
            let joins = try await harness.store.sql.raw("SELECT COUNT(*) AS n FROM meeting_joins WHERE meeting_id = \(bind: id)").first()?.decode(column: "n", as: Int.self)
            #expect(joins == 3)
        }
    }
}
