import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

/// Notes and action items: written by the members taking part, never overwritten unseen, and sent to everyone who
/// took part once the meeting is over.
@Suite("Meeting notes")
struct MeetingNotesTests {
    @Test("members write notes with action items; a stale save is refused; the follow-up goes out once the meeting ends", arguments: TestDatabase.engines)
    func notesAndFollowUp(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await MeetingFixture.running(in: market)
            let harness = market.harness
            let (id, _) = try await fixture.scheduled(#"{"title": "Kick-off", "starts_at": "2026-10-19T08:00:00Z", "time_zone": "UTC", "guests": ["gina@example.com"]}"#)
            let empty = try await harness.send(.get, "/api/meetings/\(id)/notes", bearer: market.paula.accessToken)
            #expect(try empty.status == .ok && empty.json()["version"] as? Int == 0)

            let notes = #"""
                {"version": 0, "body": "We agreed on the **colours**.", "action_items": [
                  {"title": "Send the logo files", "assignee_id": \#(market.ada.userID), "due_on": "2026-10-23"},
                  {"title": "Draft the home page", "assignee_id": \#(market.paula.userID), "done": false}]}
                """#
            let saved = try await harness.send(.put, "/api/meetings/\(id)/notes", json: notes, bearer: market.paula.accessToken)
            #expect(saved.status == .ok, "\(saved.text)")
            let body = try saved.json()
            #expect(body["version"] as? Int == 1 && (body["action_items"] as? [[String: Any]])?.count == 2)
            let stale = try await harness.send(.put, "/api/meetings/\(id)/notes", json: #"{"version": 0, "body": "Mine instead"}"#, bearer: market.ada.accessToken)
            #expect(stale.status == .conflict && stale.text.contains("reload"))
            #expect(try await harness.send(.get, "/api/meetings/\(id)/notes", bearer: market.ada.accessToken).json()["body"] as? String == "We agreed on the **colours**.")

            let wrong = try await harness.send(.put, "/api/meetings/\(id)/notes", json: #"""
                {"version": 1, "action_items": [{"title": "", "assignee_id": \#(market.bob.userID), "due_on": "2026-02-30"}, {"title": "Fine"}]}
                """#, bearer: market.ada.accessToken)
            #expect(wrong.status == .unprocessableContent)
            let fields = Set((try wrong.json()["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["action_items[0].title", "action_items[0].assignee_id", "action_items[0].due_on"], "\(fields)")
            let unknown = try await harness.send(.put, "/api/meetings/\(id)/notes", json: #"{"version": 1, "action_items": [{"titel": "x"}]}"#, bearer: market.ada.accessToken)
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("action_items[0].titel"))
            #expect(try await harness.send(.get, "/api/meetings/\(id)/notes", bearer: market.bob.accessToken).status == .notFound)
            #expect(try await harness.send(.put, "/api/meetings/\(id)/notes", json: #"{"version": 1, "body": "x"}"#, bearer: market.bob.accessToken).status == .notFound)

            // Over: the notes go to everyone who took part, once.
            harness.clock.advance(by: Date(timeIntervalSince1970: 1_792_396_800 + 2 * 3_600).timeIntervalSince(harness.clock.now))
            #expect(try await fixture.job().runOnce().completed == 1)
            #expect(try await fixture.job().runOnce().completed == 0)
            for address in ["ada@example.com", "paula@example.com", "gina@example.com"] {
                let followUps = try await harness.emails(to: address).filter { $0.subject == "Notes of Kick-off" }
                #expect(followUps.count == 1, "\(address)")
                #expect(followUps.first?.textBody.contains("Send the logo files — Ada L., by 2026-10-23") == true)
                #expect(followUps.first?.textBody.contains("We agreed on the **colours**.") == true)
            }
        }
    }
}
