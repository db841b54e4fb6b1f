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

/// A project's meeting figures and exports, for its members only.
@Suite("Project meeting figures")
struct ProjectMeetingFigureTests {
    @Test("held and attended occurrences, the average length, and the ICS and CSV exports; nobody else reads them", arguments: TestDatabase.engines)
    func figuresAndExports(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await MeetingFixture.running(in: market)
            let harness = market.harness
            let (id, _) = try await fixture.scheduled()
            #expect(try await fixture.cancel(id, "?scope=this&occurrence=2026-10-26T09:00:00Z").status == .ok)
            harness.clock.advance(by: Date(timeIntervalSince1970: 1_792_396_800 - 60).timeIntervalSince(harness.clock.now))
            let paula = try SignIn(try await harness.login("paula@example.com"))
            #expect(try await harness.send(.get, "/api/meetings/\(id)/join", bearer: paula.accessToken).status == .ok)
            harness.clock.advance(by: 16 * 86_400)
            let ada = try SignIn(try await harness.login("ada@example.com"))
            let figures = try await harness.send(.get, "/api/projects/\(fixture.projectID)/meetings/figures", bearer: ada.accessToken)
            #expect(figures.status == .ok, "\(figures.text)")
            let body = try figures.json()
            #expect(body["held"] as? Int == 2 && body["attended"] as? Int == 1 && body["average_minutes"] as? Int == 45)
            #expect((body["joined_by"] as? [String: Int]) == ["Ada L.": 1], "Paula signed up as Ada Lovelace in the harness")

            let csv = try await harness.send(.get, "/api/projects/\(fixture.projectID)/meetings/export?format=csv", bearer: ada.accessToken)
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = csv.text.split(separator: "\r\n", omittingEmptySubsequences: true).map(String.init)
            #expect(lines.count == 5 && lines[0].hasPrefix("title,status,original_start"))
            #expect(lines[1].hasPrefix("Weekly sync,held,2026-10-19T08:00:00Z") && lines[2].hasPrefix("Weekly sync,cancelled,2026-10-26T09:00:00Z"))
            #expect(lines[4].hasPrefix("Weekly sync,scheduled,2026-11-09T09:00:00Z"))
            let ics = try await harness.send(.get, "/api/projects/\(fixture.projectID)/meetings/export", bearer: ada.accessToken)
            #expect(ics.status == .ok && ics.text.contains("METHOD:PUBLISH\r\n") && ics.text.contains("EXDATE;TZID=\"Europe/Berlin\":20261026T100000"))
            let bob = try SignIn(try await harness.login("bob@example.com"))
            #expect(try await harness.send(.get, "/api/projects/\(fixture.projectID)/meetings/figures", bearer: bob.accessToken).status == .notFound)
            #expect(try await harness.send(.get, "/api/projects/\(fixture.projectID)/meetings/export?format=pdf", bearer: ada.accessToken).status == .badRequest)
        }
    }
}
