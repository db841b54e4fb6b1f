import AgoraAPI
import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraTestSupport
import AgoraWorkflows
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Hourly work from an accepted hourly proposal: the provider's time, the weekly limit, the weeks and their
/// approval, the review window and the client ending the work. The harness starts on Monday 2026-09-21 14:13 UTC,
/// in week 2026-W39.
@Suite("Hourly work", .serialized)
struct HourlyWorkTests {
    /// 50 EUR an hour, at most 3 hours a week, over four weeks.
    static let hourlyProposal = #"{"message": "I can give you three hours a week.", "billing": "hourly", "hourly_rate": "50", "weekly_limit_hours": 3, "timeline_days": 28}"#

    static func entry(_ startedAt: String, minutes: Int, memo: String = "Layout work") -> String {
        #"{"started_at": "\#(startedAt)", "minutes": \#(minutes), "memo": "\#(memo)"}"#
    }

    @Test("the provider logs time by hand and by the timer within the weekly limit; the client approves the week once it has ended, and ends the work", arguments: TestDatabase.engines)
    func hourlyWeek(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let fixture = try await ProjectFixture.accepted(in: market, proposal: Self.hourlyProposal)
            let path = "/api/projects/\(fixture.projectID)"
            let project = try await fixture.project(as: market.ada)
            #expect(project["billing"] as? String == "hourly")
            #expect((project["milestones"] as? [Any])?.isEmpty == true, "hourly work has no milestones")
            let hourly = try #require(project["hourly"] as? [String: Any])
            #expect((hourly["rate"] as? [String: Any])?["amount_minor"] as? Int == 5_000 && hourly["weekly_limit_hours"] as? Int == 3)
            #expect(hourly["can_end"] as? Bool == true)
            #expect((project["progress"] as? [String: Any])?["minutes_budgeted"] as? Int == 720, "four weeks of three hours")
            #expect(try await harness.send(.post, path + "/milestones", json: #"{"title": "Extra", "amount": 10, "due": "2026-12-01"}"#, bearer: market.ada.accessToken).status == .conflict)
            #expect(try await fixture.project(as: market.paula)["hourly"].map { ($0 as? [String: Any])?["can_end"] as? Bool } == false)

            // Who may log, and what. (Access tokens expire as the clock moves: sign in again after each move.)
            harness.clock.advance(by: 3 * 3_600)
            var ada = try SignIn(try await harness.login("ada@example.com"))
            var paula = try SignIn(try await harness.login("paula@example.com"))
            var bob = try SignIn(try await harness.login("bob@example.com"))
            #expect(try await harness.send(.post, path + "/time-entries", json: Self.entry("2026-09-21T14:30:00Z", minutes: 60), bearer: ada.accessToken).status == .forbidden)
            #expect(try await harness.send(.post, path + "/time-entries", json: Self.entry("2026-09-21T14:30:00Z", minutes: 60), bearer: bob.accessToken).status == .notFound)
            #expect(try await harness.send(.post, path + "/time-entries", json: #"{"minutes": 0, "memo": " "}"#, bearer: paula.accessToken).fieldErrors == ["memo", "minutes", "started_at"])
            #expect(try await harness.send(.post, path + "/time-entries", json: Self.entry("2026-09-20T10:00:00Z", minutes: 30), bearer: paula.accessToken).fieldErrors == ["started_at"], "last week, before the project")
            #expect(try await harness.send(.post, path + "/time-entries", json: Self.entry("2026-09-21T17:00:00Z", minutes: 30), bearer: paula.accessToken).fieldErrors == ["minutes"], "not worked yet")
            #expect(try await harness.send(.post, path + "/time-entries", json: #"{"started_at": "2026-09-21T14:30:00Z", "minutes": "60", "memo": "x", "rate": 1}"#, bearer: paula.accessToken).status == .unprocessableContent)

            let typed = try await harness.send(.post, path + "/time-entries", json: Self.entry("2026-09-21T14:30:00+00:00", minutes: 60), bearer: paula.accessToken)
            #expect(typed.status == .created, "\(typed.text)")
            let typedEntry = try typed.json()
            #expect(typedEntry["manual"] as? Bool == true && typedEntry["week"] as? String == "2026-W39" && typedEntry["can_change"] as? Bool == true)
            let typedID = try #require((typedEntry["id"] as? NSNumber)?.int64Value)

            // The timer: one at a time; it keeps the whole minutes.
            let started = try await harness.send(.post, path + "/timer/start", json: #"{"memo": "Header and menu"}"#, bearer: paula.accessToken)
            #expect(started.status == .created, "\(started.text)")
            #expect(try started.json()["running"] as? Bool == true && (try started.json()["minutes"]) == nil)
            let timerID = try #require((try started.json()["id"] as? NSNumber)?.int64Value)
            #expect(try await harness.send(.post, path + "/timer/start", json: #"{"memo": "Again"}"#, bearer: paula.accessToken).status == .conflict)
            #expect(try await harness.send(.patch, "/api/time-entries/\(timerID)", json: #"{"minutes": 5}"#, bearer: paula.accessToken).status == .conflict, "a running timer's time is the clock's")
            #expect(try await harness.send(.patch, "/api/time-entries/\(timerID)", json: #"{"memo": "Header, menu and footer"}"#, bearer: paula.accessToken).status == .ok)
            harness.clock.advance(by: 50 * 60 + 59)
            paula = try SignIn(try await harness.login("paula@example.com"))
            ada = try SignIn(try await harness.login("ada@example.com"))
            bob = try SignIn(try await harness.login("bob@example.com"))
            let stopped = try await harness.send(.post, path + "/timer/stop", bearer: paula.accessToken)
            #expect(stopped.status == .ok, "\(stopped.text)")
            #expect(try stopped.json()["minutes"] as? Int == 50 && (try stopped.json()["manual"] as? Bool) == false)
            #expect(try stopped.json()["memo"] as? String == "Header, menu and footer")
            #expect(try await harness.send(.post, path + "/timer/stop", bearer: paula.accessToken).status == .conflict, "nothing runs")

            // The weekly limit: 60 + 50 logged of 180.
            let over = try await harness.send(.post, path + "/time-entries", json: Self.entry("2026-09-21T15:30:00Z", minutes: 71), bearer: paula.accessToken)
            #expect(over.fieldErrors == ["minutes"], "\(over.text)")
            #expect(over.text.contains("1 h 10 min is left"))
            let fill = try await harness.send(.post, path + "/time-entries", json: Self.entry("2026-09-21T15:30:00Z", minutes: 70), bearer: paula.accessToken)
            #expect(fill.status == .created)
            let fillID = try #require((try fill.json()["id"] as? NSNumber)?.int64Value)
            #expect(try await harness.send(.post, path + "/timer/start", json: #"{"memo": "More"}"#, bearer: paula.accessToken).status == .conflict, "the week is used up")

            // Corrections: a new memo keeps a timer's entry tracked, a changed duration makes it manual; the client and others
            // cannot touch the provider's time.
            let renamed = try await harness.send(.patch, "/api/time-entries/\(timerID)", json: #"{"memo": "Header and menu, responsive"}"#, bearer: paula.accessToken)
            #expect(renamed.status == .ok, "\(renamed.text)")
            #expect(try renamed.json()["manual"] as? Bool == false && (try renamed.json()["minutes"] as? Int) == 50)
            let corrected = try await harness.send(.patch, "/api/time-entries/\(timerID)", json: #"{"minutes": 40}"#, bearer: paula.accessToken)
            #expect(corrected.status == .ok, "\(corrected.text)")
            #expect(try corrected.json()["manual"] as? Bool == true)
            #expect(try await harness.send(.patch, "/api/time-entries/\(timerID)", json: #"{"minutes": 61}"#, bearer: paula.accessToken).fieldErrors == ["minutes"], "170 + 21 would pass the limit")
            #expect(try await harness.send(.delete, "/api/time-entries/\(fillID)", bearer: ada.accessToken).status == .notFound)
            #expect(try await harness.send(.patch, "/api/time-entries/\(fillID)", json: #"{"memo": "Mine now"}"#, bearer: bob.accessToken).status == .notFound)
            #expect(try await harness.send(.delete, "/api/time-entries/\(fillID)", bearer: paula.accessToken).status == .noContent)
            #expect(try await harness.send(.delete, "/api/time-entries/\(fillID)", bearer: paula.accessToken).status == .notFound)

            // The week, as each member reads it.
            let week = try await harness.send(.get, path + "/timesheets/2026-W39", bearer: ada.accessToken).json()
            #expect(week["status"] as? String == "open" && week["minutes"] as? Int == 100 && week["limit_minutes"] as? Int == 180)
            #expect(week["minutes_by_day"] as? [Int] == [100, 0, 0, 0, 0, 0, 0])
            #expect((week["amount"] as? [String: Any])?["amount_minor"] as? Int == 8_333, "100 minutes at 50 an hour")
            #expect(week["can_approve"] as? Bool == false && week["takes_time"] as? Bool == false)
            #expect((week["entries"] as? [[String: Any]])?.map { $0["can_change"] as? Bool } == [false, false], "the client changes nothing")
            let thisWeek = try await harness.send(.get, path + "/time-entries", bearer: paula.accessToken).json()
            #expect(thisWeek["week"] as? String == "2026-W39" && thisWeek["takes_time"] as? Bool == true)
            #expect(try await harness.send(.get, path + "/timesheets/2026-W99", bearer: ada.accessToken).fieldErrors == ["week"])
            #expect(try await harness.send(.get, path + "/time-entries?week=soon", bearer: ada.accessToken).fieldErrors == ["week"])
            #expect(try await harness.send(.get, path + "/timesheets/2026-W39", bearer: bob.accessToken).status == .notFound)
            #expect(try await harness.send(.post, path + "/timesheets/2026-W39/approve", bearer: ada.accessToken).status == .conflict, "the week runs")

            // The week ends: its time is fixed, and the client approves it.
            harness.clock.advance(by: 7 * 86_400)
            ada = try SignIn(try await harness.login("ada@example.com"))
            paula = try SignIn(try await harness.login("paula@example.com"))
            #expect(try await harness.send(.patch, "/api/time-entries/\(typedID)", json: #"{"memo": "Late change"}"#, bearer: paula.accessToken).status == .conflict)
            #expect(try await harness.send(.delete, "/api/time-entries/\(typedID)", bearer: paula.accessToken).status == .conflict)
            let review = try await harness.send(.get, path + "/timesheets/2026-W39", bearer: ada.accessToken).json()
            #expect(review["status"] as? String == "in-review" && review["can_approve"] as? Bool == true)
            #expect(review["review_closes_at"] as? String == "2026-10-03T00:00:00Z", "five days after Monday 2026-09-28")
            #expect(try await harness.send(.post, path + "/timesheets/2026-W38/approve", bearer: ada.accessToken).status == .conflict, "a week without time")
            #expect(try await harness.send(.post, path + "/timesheets/2026-W39/approve", bearer: paula.accessToken).status == .forbidden)
            let approved = try await harness.send(.post, path + "/timesheets/2026-W39/approve", bearer: ada.accessToken)
            #expect(approved.status == .ok, "\(approved.text)")
            let approval = try #require(try approved.json()["approval"] as? [String: Any])
            #expect(approval["by"] as? String == "client" && approval["minutes"] as? Int == 100)
            #expect((approval["amount"] as? [String: Any])?["amount_minor"] as? Int == 8_333)
            #expect(try await harness.send(.post, path + "/timesheets/2026-W39/approve", bearer: ada.accessToken).status == .conflict, "approved once")
            #expect(try await harness.emails(to: "paula@example.com").contains { $0.subject.contains("Time approved: 2026-W39") })
            let after = try await fixture.project(as: ada)
            #expect((after["progress"] as? [String: Any])?["minutes_approved"] as? Int == 100)
            #expect((after["progress"] as? [String: Any])?["percent"] as? Int == 13, "100 of 720 minutes")
            let weeks = try await harness.send(.get, path + "/timesheets", bearer: paula.accessToken).json()
            #expect((weeks["weeks"] as? [[String: Any]])?.compactMap { $0["status"] as? String } == ["approved"])
            #expect(try await fixture.activityKinds(as: ada).filter { $0.hasPrefix("time") } == [
                "time.logged", "time.logged", "time.logged", "time.changed", "time.changed", "time.removed", "timesheet.approved",
            ])

            // A paused project takes no time and does not end until it resumes.
            #expect(try await harness.send(.post, path + "/pause", json: "{}", bearer: ada.accessToken).status == .ok)
            #expect(try await harness.send(.post, path + "/timer/start", json: #"{"memo": "While paused"}"#, bearer: paula.accessToken).status == .conflict)
            #expect(try await harness.send(.post, path + "/end", bearer: ada.accessToken).status == .conflict)
            #expect(try await harness.send(.post, path + "/resume", json: "{}", bearer: ada.accessToken).status == .ok)

            // The client ends the work; nothing more is logged.
            #expect(try await harness.send(.post, path + "/end", bearer: paula.accessToken).status == .forbidden)
            let ended = try await harness.send(.post, path + "/end", bearer: ada.accessToken)
            #expect(ended.status == .ok, "\(ended.text)")
            #expect(try ended.json()["status"] as? String == "completed")
            #expect(try await harness.send(.get, "/api/orders/\(fixture.orderID)", bearer: ada.accessToken).json()["status"] as? String == "completed")
            #expect(try await harness.emails(to: "paula@example.com").contains { $0.subject.contains("Project complete") })
            #expect(try await harness.send(.post, path + "/timer/start", json: #"{"memo": "After"}"#, bearer: paula.accessToken).status == .conflict)
            #expect(try await harness.send(.post, path + "/end", bearer: ada.accessToken).status == .conflict)
        }
    }

    @Test("fixed-price projects have no time: every hourly route answers 409 to members and 404 to others")
    func fixedPrice() async throws {
        try await OrderMarketplace.with { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let harness = market.harness
            let path = "/api/projects/\(fixture.projectID)"
            let project = try await fixture.project(as: market.ada)
            #expect(project["billing"] as? String == "fixed" && project["hourly"] == nil)
            #expect(try await harness.send(.get, path + "/timesheets", bearer: market.ada.accessToken).status == .conflict)
            #expect(try await harness.send(.post, path + "/time-entries", json: Self.entry("2026-09-21T14:00:00Z", minutes: 5), bearer: market.paula.accessToken).status == .conflict)
            #expect(try await harness.send(.post, path + "/end", bearer: market.ada.accessToken).status == .conflict)
            #expect(try await harness.send(.get, path + "/timesheets", bearer: market.bob.accessToken).status == .notFound)
        }
    }

    @Test("two entries racing for the last of the weekly limit: exactly one is kept", arguments: TestDatabase.engines)
    func limitRace(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let fixture = try await ProjectFixture.accepted(in: market, proposal: Self.hourlyProposal)
            let path = "/api/projects/\(fixture.projectID)/time-entries"
            harness.clock.advance(by: 4 * 3_600)
            let token = try SignIn(try await harness.login("paula@example.com")).accessToken
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for start in ["2026-09-21T14:20:00Z", "2026-09-21T16:00:00Z"] {
                    group.addTask { try await harness.send(.post, path, json: Self.entry(start, minutes: 100), bearer: token).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.sorted { $0.code < $1.code } == [.created, .unprocessableContent])
            let week = try await harness.send(.get, path, bearer: token).json()
            #expect(week["minutes"] as? Int == 100)
        }
    }

    @Test("a forgotten timer stops at the weekly limit; a week left unanswered is approved when the review window closes, and both members are told")
    func reviewWindow() async throws {
        try await OrderMarketplace.with { market in
            let harness = market.harness
            let fixture = try await ProjectFixture.accepted(in: market, proposal: Self.hourlyProposal)
            let path = "/api/projects/\(fixture.projectID)"
            let settings = await LivePlatformSettings.read(from: harness.store, overrides: [.projectsTimesheetReviewDays: .number(2)])
            let job = ProjectReviewJob(store: harness.store, settings: settings, announcer: ProjectAnnouncer(email: harness.composer), clock: harness.clock)
            #expect(try await harness.send(.post, path + "/timer/start", json: #"{"memo": "Long session"}"#, bearer: market.paula.accessToken).status == .created)
            harness.clock.advance(by: 11 * 3_600)
            #expect(try await job.runOnce() == .init())
            harness.clock.advance(by: 3_600)
            #expect(try await job.runOnce() == .init(timersStopped: 1))
            let paula = try SignIn(try await harness.login("paula@example.com"))
            let week = try await harness.send(.get, path + "/timesheets/2026-W39", bearer: paula.accessToken).json()
            #expect(week["minutes"] as? Int == 180, "twelve hours, held to the weekly limit")
            #expect((week["entries"] as? [[String: Any]])?.first?["manual"] as? Bool == false)

            // The week ends on Monday 2026-09-28; two days later the window closes.
            harness.clock.advance(by: 6 * 86_400)
            #expect(try await job.runOnce() == .init())
            harness.clock.advance(by: 2 * 86_400)
            #expect(try await job.runOnce() == .init(weeksApproved: 1))
            #expect(try await job.runOnce() == .init(), "approved once")
            let ada = try SignIn(try await harness.login("ada@example.com"))
            let approved = try await harness.send(.get, path + "/timesheets/2026-W39", bearer: ada.accessToken).json()
            #expect(approved["status"] as? String == "approved")
            let approval = try #require(approved["approval"] as? [String: Any])
            #expect(approval["by"] == nil && approval["minutes"] as? Int == 180)
            for person in ["ada@example.com", "paula@example.com"] {
                #expect(try await harness.emails(to: person).contains { $0.subject.contains("Time approved") && $0.textBody.contains("automatically") }, "\(person)")
            }
            #expect(try await fixture.activityKinds(as: ada).suffix(2) == ["time.logged", "timesheet.approved-automatically"])
        }
    }
}
