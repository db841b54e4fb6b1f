import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

/// Changing and cancelling a series: one occurrence, it and the following, or the whole series; each change raises
/// the sequence and reaches the participants' calendars.
@Suite("Meeting changes")
struct MeetingChangeTests {
    @Test("one occurrence moves, the series is cut for the following ones, one occurrence and then a whole series are cancelled", arguments: TestDatabase.engines)
    func changeScopes(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await MeetingFixture.running(in: market)
            let (id, _) = try await fixture.scheduled()

            // This one: the 26 October occurrence moves a day later and runs an hour.
            let moved = try await fixture.change(id, #"{"scope": "this", "occurrence": "2026-10-26T09:00:00Z", "starts_at": "2026-10-27T09:00:00Z", "duration_minutes": 60}"#)
            #expect(moved.status == .ok, "\(moved.text)")
            let movedBody = try moved.json()
            #expect(MeetingFixture.starts(movedBody) == ["2026-10-19T08:00:00Z", "2026-10-27T09:00:00Z", "2026-11-02T09:00:00Z", "2026-11-09T09:00:00Z"])
            #expect(movedBody["sequence"] as? Int == 1 && movedBody["title"] as? String == "Weekly sync")
            let override = try #require(try await fixture.invitation(to: "paula@example.com").calendar)
            #expect(override.contains("RECURRENCE-ID;TZID=\"Europe/Berlin\":20261026T100000\r\nDTSTAMP") && override.contains("DTSTART;TZID=\"Europe/Berlin\":20261027T100000"))
            #expect(override.contains("SEQUENCE:1\r\n"))

            // Refused: an occurrence the series does not have, a scope without one, an unknown scope.
            let stray = try await fixture.change(id, #"{"scope": "this", "occurrence": "2026-10-20T08:00:00Z", "duration_minutes": 30}"#)
            #expect(stray.status == .unprocessableContent && stray.text.contains("occurrence"))
            #expect(try await fixture.change(id, #"{"scope": "following"}"#).status == .unprocessableContent)
            #expect(try await fixture.change(id, #"{"scope": "some"}"#).status == .unprocessableContent)

            // This and the following: from 2 November the meeting is at 11:00 with a new title, a series of its own.
            let cut = try await fixture.change(id, #"{"scope": "following", "occurrence": "2026-11-02T09:00:00Z", "starts_at": "2026-11-02T10:00:00Z", "title": "Weekly sync (later)"}"#)
            #expect(cut.status == .ok, "\(cut.text)")
            let rest = try cut.json()
            let restID = try #require((rest["id"] as? NSNumber)?.int64Value)
            #expect(restID != id && (rest["split_from"] as? NSNumber)?.int64Value == id && rest["title"] as? String == "Weekly sync (later)")
            #expect(MeetingFixture.starts(rest) == ["2026-11-02T10:00:00Z", "2026-11-09T10:00:00Z"] && rest["recurrence"] as? String == "FREQ=WEEKLY;INTERVAL=1;COUNT=2")
            let rests = try #require(rest["participants"] as? [[String: Any]])
            #expect(rests.map { $0["response"] as? String } == ["accepted", "needs_action", "needs_action"] && rests.count == 3)
            let early = try await fixture.meeting(id, as: market.ada).json()
            #expect(MeetingFixture.starts(early) == ["2026-10-19T08:00:00Z", "2026-10-27T09:00:00Z"] && early["recurrence"] as? String == "FREQ=WEEKLY;INTERVAL=1;COUNT=2")
            #expect(early["sequence"] as? Int == 2)

            // One occurrence cancelled: taken out of the series (EXDATE).
            let dropped = try await fixture.cancel(id, "?scope=this&occurrence=2026-10-19T08:00:00Z")
            #expect(dropped.status == .ok, "\(dropped.text)")
            #expect((try dropped.json()["cancelled_occurrences"] as? [String]) == ["2026-10-19T08:00:00Z"])
            let exdate = try #require(try await fixture.invitation(to: "paula@example.com").calendar)
            #expect(exdate.contains("EXDATE;TZID=\"Europe/Berlin\":20261019T100000") && exdate.contains("METHOD:REQUEST"))

            // The whole later series cancelled: a cancellation every calendar removes it by.
            let ended = try await fixture.cancel(restID)
            #expect(try ended.status == .ok && (try ended.json()["status"] as? String) == "cancelled")
            let cancellation = try await fixture.invitation(to: "gina@example.com")
            #expect(cancellation.subject == "Meeting cancelled: Weekly sync (later)")
            #expect(cancellation.calendar?.contains("METHOD:CANCEL\r\n") == true && cancellation.calendar?.contains("STATUS:CANCELLED\r\n") == true)
            #expect(try await fixture.change(restID, #"{"title": "Again"}"#).status == .conflict, "a cancelled meeting does not change")
            #expect(try await fixture.cancel(restID).status == .conflict)
        }
    }

    @Test("a new time for the whole series asks everyone to answer again; a guest taken off is sent a cancellation")
    func changeAll() async throws {
        try await OrderMarketplace.with { market in
            let fixture = try await MeetingFixture.running(in: market)
            let (id, _) = try await fixture.scheduled()
            #expect(try await market.harness.send(.post, "/api/meetings/\(id)/rsvp", json: #"{"response": "accepted"}"#, bearer: market.paula.accessToken).status == .ok)
            let titled = try await fixture.change(id, #"{"title": "Weekly sync, renamed"}"#)
            #expect(titled.status == .ok)
            #expect((try titled.json()["participants"] as? [[String: Any]])?[1]["response"] as? String == "accepted", "a new title keeps the answers")

            let later = try await fixture.change(id, #"{"starts_at": "2026-10-19T09:00:00Z", "guests": []}"#)
            #expect(later.status == .ok, "\(later.text)")
            let body = try later.json()
            #expect(MeetingFixture.starts(body).first == "2026-10-19T09:00:00Z" && body["sequence"] as? Int == 2)
            let participants = try #require(body["participants"] as? [[String: Any]])
            #expect(participants.count == 2 && participants[1]["response"] as? String == "needs_action")
            let gina = try await fixture.invitation(to: "gina@example.com")
            #expect(gina.subject.hasPrefix("Meeting cancelled") && gina.calendar?.contains("METHOD:CANCEL") == true)
        }
    }
}
