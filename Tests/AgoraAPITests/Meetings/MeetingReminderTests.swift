import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraTestSupport
import AgoraWorkflows
import Foundation
import HummingbirdTesting
import Testing

/// Reminders at each participant's offsets, in the app and by email, exactly once however many workers run; none for
/// a moment that passed before the meeting was scheduled, nor to someone who declined.
@Suite("Meeting reminders")
struct MeetingReminderTests {
    @Test("each reminder is sent once, even with two workers at the same moment; the meeting then completes", arguments: TestDatabase.engines)
    func exactlyOnce(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await MeetingFixture.running(in: market)
            let harness = market.harness
            // A one-off meeting on 19 October at 08:00 UTC, with the standard reminders (a day and 15 minutes before).
            let (id, _) = try await fixture.scheduled(#"{"title": "Review", "starts_at": "2026-10-19T08:00:00Z", "time_zone": "UTC", "guests": ["gina@example.com"]}"#)
            let declined = try await harness.send(.post, "/api/meeting-invitations/rsvp", json: #"{"token": "\#(try await fixture.guestToken("gina@example.com"))", "response": "declined"}"#)
            #expect(declined.status == .ok)
            let start = Date(timeIntervalSince1970: 1_792_396_800)

            harness.clock.advance(by: start.addingTimeInterval(-86_400 - 120).timeIntervalSince(harness.clock.now))
            #expect(try await fixture.job().runOnce().reminded == 0, "not yet")
            harness.clock.advance(by: 150)
            async let first = fixture.job().runOnce()
            async let second = fixture.job().runOnce()
            let passes = try await [first, second]
            #expect(passes.map(\.reminded).reduce(0, +) == 2, "Ada and Paula once each, whichever worker sent it; Gina declined")
            #expect(try await fixture.job().runOnce().reminded == 0)
            let paulas = try await harness.emails(to: "paula@example.com").filter { $0.subject.hasPrefix("In 1 day") }
            #expect(paulas.count == 1)
            #expect(try await harness.emails(to: "gina@example.com").allSatisfy { !$0.subject.hasPrefix("In ") })

            harness.clock.advance(by: start.addingTimeInterval(-15 * 60).timeIntervalSince(harness.clock.now))
            #expect(try await fixture.job().runOnce().reminded == 2)
            let paula = try SignIn(try await harness.login("paula@example.com"))
            let bell = try await harness.send(.get, "/api/notifications?category=meetings", bearer: paula.accessToken).json()
            let reminders = (bell["notifications"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == "meeting_reminder" }
            #expect(reminders.count == 2 && (reminders.first?["title"] as? String) == "In 15 minutes: Review")

            harness.clock.advance(by: 2 * 3_600)
            #expect(try await fixture.job().runOnce().completed == 1)
            let later = try SignIn(try await harness.login("paula@example.com"))
            #expect((try await fixture.meeting(id, as: later).json()["status"] as? String) == "completed")
        }
    }

    @Test("a meeting scheduled an hour ahead gets no 'one day before' reminder")
    func noStaleReminder() async throws {
        try await OrderMarketplace.with { market in
            let fixture = try await MeetingFixture.running(in: market)
            let harness = market.harness
            let soon = ISO8601DateFormatter().string(from: harness.clock.now.addingTimeInterval(3_600))
            _ = try await fixture.scheduled(#"{"title": "Soon", "starts_at": "\#(soon)", "time_zone": "UTC"}"#)
            #expect(try await fixture.job().runOnce().reminded == 0)
            harness.clock.advance(by: 3_600 - 14 * 60)
            #expect(try await fixture.job().runOnce().reminded == 2)
        }
    }

    @Test("every running meeting is read however many there are: a pass reads them a batch at a time")
    func batches() async throws {
        try await OrderMarketplace.with { market in
            let fixture = try await MeetingFixture.running(in: market)
            let harness = market.harness
            for title in ["First", "Second", "Third"] {
                _ = try await fixture.scheduled(#"{"title": "\#(title)", "starts_at": "2026-10-19T08:00:00Z", "time_zone": "UTC", "reminders": [15]}"#)
            }
            harness.clock.advance(by: Date(timeIntervalSince1970: 1_792_396_800 - 14 * 60).timeIntervalSince(harness.clock.now))
            let announcer = MeetingAnnouncer(email: harness.composer, clock: harness.clock)
            let sent = try await MeetingRepository(store: harness.store).sendDueReminders(now: harness.clock.now, batch: 1, announce: announcer.announce)
            #expect(sent == 6, "two members of each of three meetings, one meeting per batch")
        }
    }
}
