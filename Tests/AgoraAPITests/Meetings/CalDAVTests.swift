import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraTestSupport
import AgoraWorkflows
import Foundation
import HummingbirdTesting
import Testing

/// The CalDAV push against a real server (Radicale on loopback): connecting checks the password, meetings are
/// written, changed and removed in the person's calendar, and a server that is down or refuses is reported and
/// retried, never dropped.
@Suite("CalDAV push")
struct CalDAVTests {
    @Test("a connected calendar receives the meeting, its change and its cancellation; a refused password is named; a server that is down is retried", arguments: TestDatabase.engines)
    func push(engine: TestDatabase) async throws {
        let server = try await CalDAVServer()
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await MeetingFixture.running(in: market)
            let harness = market.harness
            let paula = market.paula
            let refused = try await harness.send(.put, "/api/calendar/caldav", json: #"{"url": "\#(server.calendarURL)", "username": "ada", "password": "wrong"}"#, bearer: paula.accessToken)
            #expect(refused.status == .unprocessableContent && refused.text.contains("refused the user name or app password") && refused.text.contains("\"password\""))
            let private_ = try await harness.send(.put, "/api/calendar/caldav", json: #"{"url": "https://10.0.0.5/cal/", "username": "ada", "password": "x"}"#, bearer: paula.accessToken)
            #expect(private_.status == .unprocessableContent && private_.text.contains("private network"))
            #expect(try await harness.send(.get, "/api/calendar/caldav", bearer: paula.accessToken).json()["connected"] as? Bool == false)

            let (id, _) = try await fixture.scheduled()
            let connected = try await harness.send(.put, "/api/calendar/caldav", json: #"{"url": "\#(server.calendarURL)", "username": "ada", "password": "\#(server.password)"}"#, bearer: paula.accessToken)
            #expect(connected.status == .ok, "\(connected.text)")
            let body = try connected.json()
            #expect(body["status"] as? String == "connected" && body["waiting"] as? Int == 1 && !connected.text.contains(server.password))
            let sealed = try await harness.store.sql.raw("SELECT password_sealed FROM caldav_connections").first()?.decode(column: "password_sealed", as: String.self)
            #expect(sealed?.contains(server.password) == false)

            let job = CalDAVPushJob(
                store: harness.store, sync: CalDAVSync(
                    store: harness.store, passwords: CalDAVPasswords(documentKey: harness.documentKey), email: harness.composer, client: CalDAVClient(timeout: .seconds(2))
                ),
                clock: harness.clock
            )
            #expect(try await job.runOnce() == .init(written: 1, failed: 0))
            let uid = try #require(try await fixture.meeting(id, as: paula).json()["uid"] as? String)
            let stored = try #require(try await server.object(named: uid + ".ics"))
            #expect(stored.contains("UID:\(uid)") && stored.contains("RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=4") && !stored.contains("METHOD:"))

            // A change is written over it; a test of the connection says it works.
            #expect(try await fixture.change(id, #"{"title": "Weekly sync, renamed"}"#).status == .ok)
            #expect(try await job.runOnce().written == 1)
            #expect(try await server.object(named: uid + ".ics")?.contains("SUMMARY:Weekly sync\\, renamed") == true)
            #expect(try await harness.send(.post, "/api/calendar/caldav/test", bearer: paula.accessToken).json()["ok"] as? Bool == true)

            // The server goes down: the cancellation waits, the person is told once, and it goes through when it is back.
            server.stop()
            #expect(try await fixture.cancel(id).status == .ok)
            #expect(try await job.runOnce() == .init(written: 0, failed: 1))
            let failing = try await harness.send(.get, "/api/calendar/caldav", bearer: paula.accessToken).json()
            #expect(failing["status"] as? String == "failing" && (failing["last_error"] as? String)?.contains("did not answer") == true && failing["waiting"] as? Int == 1)
            #expect(try await harness.emails(to: "paula@example.com").filter { $0.subject == "Your calendar is not taking meetings" }.count == 1)
            #expect(try await job.runOnce() == .init(written: 0, failed: 0), "it waits a minute before the next attempt")
            harness.clock.advance(by: 61)
            #expect(try await job.runOnce() == .init(written: 0, failed: 1))
            #expect(try await harness.emails(to: "paula@example.com").filter { $0.subject == "Your calendar is not taking meetings" }.count == 1, "told once")
        }
    }

    @Test("the cancellation reaches a calendar that is back, and a disconnected person's pushes are dropped with the connection")
    func recovery() async throws {
        let server = try await CalDAVServer()
        try await OrderMarketplace.with { market in
            let fixture = try await MeetingFixture.running(in: market)
            let harness = market.harness
            let (id, _) = try await fixture.scheduled()
            #expect(try await harness.send(.put, "/api/calendar/caldav", json: #"{"url": "\#(server.calendarURL)", "username": "ada", "password": "\#(server.password)"}"#, bearer: market.ada.accessToken).status == .ok)
            let job = CalDAVPushJob(
                store: harness.store, sync: CalDAVSync(
                    store: harness.store, passwords: CalDAVPasswords(documentKey: harness.documentKey), email: harness.composer, client: CalDAVClient(timeout: .seconds(2))
                ),
                clock: harness.clock
            )
            #expect(try await job.runOnce().written == 1)
            let uid = try #require(try await fixture.meeting(id, as: market.ada).json()["uid"] as? String)
            #expect(try await fixture.cancel(id).status == .ok)
            #expect(try await job.runOnce().written == 1)
            #expect(try await server.object(named: uid + ".ics") == nil, "the cancelled meeting is gone from the calendar")
            #expect(try await harness.send(.get, "/api/calendar/caldav", bearer: market.ada.accessToken).json()["status"] as? String == "connected")
            #expect(try await harness.send(.delete, "/api/calendar/caldav", bearer: market.ada.accessToken).status == .noContent)
            #expect(try await harness.send(.post, "/api/calendar/caldav/test", bearer: market.ada.accessToken).status == .notFound)
        }
    }
}
