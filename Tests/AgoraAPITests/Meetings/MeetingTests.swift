import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

/// Scheduling meetings: a weekly series keeps its local time across the change of the clocks, the other member and
/// guests are invited with a calendar object, and nobody else reaches the meeting by any route.
@Suite("Meetings")
struct MeetingTests {
    @Test("a weekly meeting keeps 10:00 in Berlin across the change of the clocks; the other member and a guest get invitations", arguments: TestDatabase.engines)
    func scheduleWeekly(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await MeetingFixture.running(in: market)
            let (id, body) = try await fixture.scheduled()
            #expect(MeetingFixture.starts(body) == ["2026-10-19T08:00:00Z", "2026-10-26T09:00:00Z", "2026-11-02T09:00:00Z", "2026-11-09T09:00:00Z"])
            let participants = try #require(body["participants"] as? [[String: Any]])
            #expect(participants.map { $0["role"] as? String } == ["organizer", "member", "guest"], "Paula's address among the guests is not a second Paula")
            #expect(participants.map { $0["response"] as? String } == ["accepted", "needs_action", "needs_action"])
            #expect(body["is_organizer"] as? Bool == true && body["sequence"] as? Int == 0 && body["recurrence"] as? String == "FREQ=WEEKLY;INTERVAL=1;COUNT=4")

            // The calendar object: the series in Berlin's local time with its zone, the join route, never the room.
            let paulas = try await fixture.invitation(to: "paula@example.com")
            let calendar = try #require(paulas.calendar)
            #expect(paulas.subject == "Meeting: Weekly sync")
            for line in ["METHOD:REQUEST", "BEGIN:VTIMEZONE", "RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=4", "SEQUENCE:0", "DTSTART;TZID=\"Europe/Berlin\":20261019T100000",
                         "URL:\(market.harness.composer.baseURL)/meetings/\(id)/join"] {
                #expect(calendar.contains(line + "\r\n"), "\(line)")
            }
            #expect(!calendar.contains("meet.jit.si"))
            let room = try #require(try await MeetingRepository(store: market.harness.store).meeting(id, for: market.ada.userID).room.name)
            for text in [calendar, paulas.textBody, paulas.htmlBody, try await fixture.meeting(id, as: market.paula).text] {
                #expect(!text.contains(room), "the room's name reaches participants through the join route only")
            }
            let ginas = try await fixture.invitation(to: "gina@example.com")
            #expect(ginas.calendar?.contains("/meetings/invitation/#token=") == true && ginas.calendar?.contains("ATTENDEE;CN=\"gina@example.com\"") == true)
            let notifications = try await market.harness.send(.get, "/api/notifications", bearer: market.paula.accessToken)
            #expect(notifications.text.contains("meeting_invitation"))

            // Both members list it; the occurrences overlapping the range only.
            let listed = try await market.harness.send(.get, "/api/meetings?from=2026-10-25T00:00:00Z&to=2026-11-03T00:00:00Z", bearer: market.paula.accessToken).json()
            let meetings = try #require(listed["meetings"] as? [[String: Any]])
            #expect(meetings.count == 1 && MeetingFixture.starts(meetings[0]) == ["2026-10-26T09:00:00Z", "2026-11-02T09:00:00Z"])

            // Nobody else: not by id, not by change, answer, join, cancel or list, and not in their project either.
            #expect(try await fixture.meeting(id, as: market.bob).status == .notFound)
            #expect(try await fixture.change(id, #"{"title": "Mine"}"#, as: market.bob).status == .notFound)
            #expect(try await market.harness.send(.post, "/api/meetings/\(id)/rsvp", json: #"{"response": "accepted"}"#, bearer: market.bob.accessToken).status == .notFound)
            #expect(try await market.harness.send(.get, "/api/meetings/\(id)/join", bearer: market.bob.accessToken).status == .notFound)
            #expect(try await fixture.cancel(id, as: market.bob).status == .notFound)
            let bobs = try await market.harness.send(.get, "/api/meetings?from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z", bearer: market.bob.accessToken).json()
            #expect((bobs["meetings"] as? [Any])?.isEmpty == true)
            let intruding = try await fixture.schedule(as: market.bob)
            #expect(intruding.status == .unprocessableContent && intruding.text.contains("project_id"))
            #expect(try await market.harness.send(.get, "/api/meetings/\(id)").status == .unauthorized)

            // Only the organiser changes it.
            let paulaChanges = try await fixture.change(id, #"{"title": "Paula's sync"}"#, as: market.paula)
            #expect(paulaChanges.status == .conflict && paulaChanges.text.contains("organiser"))
        }
    }

    @Test("bad input is refused field by field, and hostile text stays text in the calendar object")
    func badInput() async throws {
        try await OrderMarketplace.with { market in
            let fixture = try await MeetingFixture.running(in: market)
            let refused = try await fixture.schedule(#"""
                {"title": "", "starts_at": "2026-09-01T10:00:00Z", "time_zone": "GMT+2", "duration_minutes": 1, "recurrence": "FREQ=MONTHLY;COUNT=3",
                 "reminders": [15, 15], "guests": ["not an address"]}
                """#)
            #expect(refused.status == .unprocessableContent)
            let fields = Set((try refused.json()["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["title", "starts_at", "time_zone", "duration_minutes", "reminders", "guests[0]"], "\(fields)")
            let endless = try await fixture.schedule(#"{"title": "Daily", "starts_at": "2026-10-01T08:00:00Z", "time_zone": "UTC", "recurrence": "FREQ=DAILY"}"#)
            #expect(endless.status == .unprocessableContent && endless.text.contains("recurrence"))
            let tooLong = try await fixture.schedule(#"{"title": "Daily", "starts_at": "2026-10-01T08:00:00Z", "time_zone": "UTC", "recurrence": "FREQ=DAILY;COUNT=521"}"#)
            #expect(tooLong.status == .unprocessableContent && tooLong.text.contains("recurrence"))
            let overlapping = try await fixture.schedule(#"{"title": "Daily", "starts_at": "2026-10-01T08:00:00Z", "time_zone": "UTC", "reminders": [10081]}"#)
            #expect(overlapping.status == .unprocessableContent && overlapping.text.contains("reminders[0]"))

            _ = try await fixture.scheduled(#"""
                {"title": "Sync; ATTENDEE:mailto:eve@example.com, <script>alert(1)</script>", "agenda": "Line one\nEND:VEVENT\nBEGIN:VEVENT;x",
                 "starts_at": "2026-10-01T08:00:00Z", "time_zone": "UTC"}
                """#)
            let email = try await fixture.invitation(to: "paula@example.com")
            let calendar = try #require(email.calendar)
            #expect(calendar.contains("SUMMARY:Sync\\; ATTENDEE:mailto:eve@example.com\\, <script>alert(1)</script>\r\n"))
            #expect(!calendar.contains("\r\nEND:VEVENT\r\nBEGIN:VEVENT;x"), "no text starts a line of its own")
            #expect(calendar.contains("DESCRIPTION:Line one\\nEND:VEVENT\\nBEGIN:VEVENT\\;x"))
            #expect(!email.htmlBody.contains("<script>") && email.htmlBody.contains("&lt;script&gt;"))
        }
    }

    @Test("a finished project takes no new meeting")
    func finishedProject() async throws {
        try await OrderMarketplace.with { market in
            let done = try await ReviewFixture.completed(in: market)
            let response = try await market.harness.send(.post, "/api/meetings", json: #"""
                {"project_id": \#(done.projectID), "title": "Retro", "starts_at": "2026-10-01T08:00:00Z", "time_zone": "UTC"}
                """#, bearer: market.ada.accessToken)
            #expect(response.status == .conflict && response.text.contains("running project"))
        }
    }
}
