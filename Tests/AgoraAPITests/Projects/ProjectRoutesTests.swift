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

/// One test at a time: each opens a marketplace of its own on each engine, and every suite runs at once against one
/// PostgreSQL server whose connections the runs share (a clean-clone run ran out of them).
@Suite("Projects and milestones", .serialized)
struct ProjectRoutesTests {
    @Test("acceptance starts an active project with the plan's milestones and the order in progress; only its members see it", arguments: TestDatabase.engines)
    func accepted(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let harness = market.harness
            let asClient = try await fixture.project(as: market.ada)
            #expect(asClient["status"] as? String == "active" && asClient["role"] as? String == "client")
            let milestones = try #require(asClient["milestones"] as? [[String: Any]])
            #expect(milestones.compactMap { $0["title"] as? String } == ["Design", "Launch"])
            #expect(milestones.compactMap { $0["status"] as? String } == ["pending", "pending"])
            #expect(milestones.allSatisfy { ($0["next_steps"] as? [String]) == ["fund"] }, "work starts on funded milestones")
            #expect((asClient["progress"] as? [String: Any])?["percent"] as? Int == 0)
            #expect(((asClient["progress"] as? [String: Any])?["agreed"] as? [String: Any])?["amount_minor"] as? Int == 180_000)
            let asProvider = try await fixture.project(as: market.paula)
            #expect(asProvider["role"] as? String == "provider")
            #expect((asProvider["milestones"] as? [[String: Any]])?.compactMap { $0["next_steps"] as? [String] } == [[], []], "the provider waits for the money")
            #expect(((asProvider["counterpart"] as? [String: Any])?["name"] as? String) == "Ada L.")

            let order = try await harness.send(.get, "/api/orders/\(fixture.orderID)", bearer: market.ada.accessToken).json()
            #expect(order["status"] as? String == "in_progress")
            #expect(order["project_url"] as? String == "/projects/view/?id=\(fixture.projectID)", "the order leads its members to the project")
            let asProviderOrder = try await harness.send(.get, "/api/orders/\(fixture.orderID)", bearer: market.paula.accessToken).json()
            #expect(asProviderOrder["project_url"] as? String == "/projects/view/?id=\(fixture.projectID)")
            #expect(try await fixture.activityKinds() == ["project.started"])

            // Anyone else: 404 on every route, the same as a project that does not exist.
            for path in ["/api/projects/\(fixture.projectID)", "/api/projects/\(fixture.projectID)/activity", "/api/projects/999999"] {
                #expect(try await harness.send(.get, path, bearer: market.seeded.accessToken).status == .notFound, "\(path)")
            }
            #expect(try await fixture.step("start", fixture.milestoneIDs[0], as: market.seeded).status == .notFound)
            #expect(try await fixture.step("approve", fixture.milestoneIDs[0], as: market.bob).status == .notFound)
            #expect(try await harness.send(.post, "/api/projects/\(fixture.projectID)/milestones", json: #"{"title": "Extra", "amount": 10, "due": "2026-12-01"}"#, bearer: market.bob.accessToken).status == .notFound)
            #expect(try await harness.send(.get, "/api/projects/\(fixture.projectID)").status == .unauthorized)
        }
    }

    @Test("without a plan, one milestone holds the whole price, due at the deadline")
    func wholeWork() async throws {
        try await OrderMarketplace.with { market in
            let fixture = try await ProjectFixture.accepted(in: market, proposal: OrderMarketplace.proposalJSON)
            let project = try await fixture.project(as: market.ada)
            let milestones = try #require(project["milestones"] as? [[String: Any]])
            #expect(milestones.count == 1 && milestones[0]["title"] as? String == MilestonePlan.wholeWorkTitle)
            #expect((milestones[0]["amount"] as? [String: Any])?["amount_minor"] as? Int == 200_000)
            #expect(milestones[0]["due_at"] as? String == project["deadline"] as? String)
        }
    }

    @Test("a milestone runs start → submit → changes → submit → approve; the last approval completes the project, the order and the provider's record", arguments: TestDatabase.engines)
    func workflow(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let harness = market.harness
            let (design, launch) = (fixture.milestoneIDs[0], fixture.milestoneIDs[1])
            let before = try await harness.store.sql.raw("SELECT completed_projects FROM user_statistics WHERE user_id = \(bind: market.paula.userID)").first()?.decode(column: "completed_projects", as: Int.self)

            // Wrong side, wrong order: refused with 409, naming the move.
            let clientStart = try await fixture.step("start", design, as: market.ada)
            #expect(clientStart.status == .conflict && clientStart.text.contains("invalid-transition"))
            #expect(try await fixture.step("submit", design, as: market.paula, note: "Done.").status == .conflict, "not started yet")
            #expect(try await fixture.step("start", design, as: market.paula).status == .conflict, "not funded yet")
            #expect(try await fixture.fund(design).status == .ok)
            #expect(try await fixture.step("start", design, as: market.paula).status == .ok)
            #expect(try await fixture.step("start", design, as: market.paula).status == .conflict, "a replay changes nothing")

            // A submission needs its note; a change request a useful one.
            #expect(try await harness.send(.post, "/api/milestones/\(design)/submit", json: "{}", bearer: market.paula.accessToken).fieldErrors == ["note"])
            #expect(try await fixture.step("submit", design, as: market.paula).status == .unsupportedMediaType, "no body")
            #expect(try await fixture.step("submit", design, as: market.paula, note: "   ").fieldErrors == ["note"])
            let submitted = try await fixture.step("submit", design, as: market.paula, note: "Wireframes and the style guide are in the shared folder.")
            #expect(submitted.status == .ok, "\(submitted.text)")
            let waiting = try await fixture.milestone(design, as: market.ada)
            #expect(waiting["status"] as? String == "submitted" && waiting["revision"] as? Int == 1)
            #expect(Set(waiting["next_steps"] as? [String] ?? []) == ["approve", "request-changes"])
            #expect(waiting["review_closes_at"] is String)
            let delivered = try #require(try await harness.emails(to: "ada@example.com").first { $0.subject.contains("Delivered for review: “Design”") })
            #expect(delivered.textBody.contains("/projects/view/?id=\(fixture.projectID)"), "the email opens the project's room")
            let news = try await harness.send(.get, "/api/notifications", bearer: market.ada.accessToken).json()
            #expect((news["notifications"] as? [[String: Any]])?.first?["link"] as? String == "/projects/view/?id=\(fixture.projectID)")
            #expect((try await fixture.project(as: market.ada)["health"] as? [String]) == ["awaiting-review"])

            #expect(try await fixture.step("request-changes", design, as: market.ada, note: "Too short").fieldErrors == ["note"])
            #expect(try await fixture.step("request-changes", design, as: market.paula, note: "I would like to change it myself.").status == .conflict)
            #expect(try await fixture.step("request-changes", design, as: market.ada, note: "Please add the mobile layouts too.").status == .ok)
            #expect(try await harness.emails(to: "paula@example.com").contains { $0.subject.contains("Changes requested on “Design”") })
            #expect(try await fixture.step("approve", design, as: market.ada).status == .conflict, "nothing to approve until it comes back")
            #expect(try await fixture.step("submit", design, as: market.paula, note: "Mobile layouts added.").status == .ok)
            #expect(try await fixture.step("approve", design, as: market.ada).status == .ok)

            let approved = try await fixture.milestone(design, as: market.paula)
            #expect(approved["status"] as? String == "approved" && approved["revision"] as? Int == 2)
            let submissions = try #require(approved["submissions"] as? [[String: Any]])
            #expect(submissions.compactMap { $0["revision"] as? Int } == [1, 2])
            #expect(submissions[0]["response"] as? String == "Please add the mobile layouts too." && submissions[1]["response"] == nil)
            #expect(submissions.allSatisfy { $0["responded_at"] is String })
            #expect(((try await fixture.project(as: market.ada)["progress"] as? [String: Any])?["percent"] as? Int) == 33)

            #expect(try await fixture.fund(launch).status == .ok)
            #expect(try await fixture.step("start", launch, as: market.paula).status == .ok)
            #expect(try await fixture.step("submit", launch, as: market.paula, note: "Live at the new address.").status == .ok)
            let last = try await fixture.step("approve", launch, as: market.ada)
            #expect(last.status == .ok)
            let done = try last.json()
            #expect(done["status"] as? String == "completed" && done["completed_at"] is String)
            #expect((done["progress"] as? [String: Any])?["percent"] as? Int == 100)
            #expect((done["milestones"] as? [[String: Any]])?.allSatisfy { ($0["next_steps"] as? [String]) == [] } == true)
            let order = try await harness.send(.get, "/api/orders/\(fixture.orderID)", bearer: market.ada.accessToken).json()
            #expect(order["status"] as? String == "completed")
            let after = try await harness.store.sql.raw("SELECT completed_projects FROM user_statistics WHERE user_id = \(bind: market.paula.userID)").first()?.decode(column: "completed_projects", as: Int.self)
            #expect(after == (before ?? 0) + 1)
            for address in ["ada@example.com", "paula@example.com"] {
                #expect(try await harness.emails(to: address).contains { $0.subject.contains("Project complete") }, "\(address)")
            }
            #expect(try await fixture.activityKinds() == [
                "project.started", "milestone.funded", "milestone.started", "milestone.submitted", "milestone.changes-requested",
                "milestone.submitted", "milestone.approved", "escrow.released", "milestone.funded", "milestone.started", "milestone.submitted",
                "milestone.approved", "escrow.released", "project.completed",
            ])
            let closed = try await fixture.step("start", launch, as: market.paula)
            #expect(closed.status == .conflict && closed.text.contains("completed"))
        }
    }

    @Test("a milestone proposed while the project runs joins the plan when the other member accepts; declined and withdrawn ones stay out", arguments: TestDatabase.engines)
    func proposedMilestones(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let harness = market.harness
            let path = "/api/projects/\(fixture.projectID)/milestones"
            let bad = try await harness.send(.post, path, json: #"{"title": "X", "amount": "-5", "due": "2020-01-01"}"#, bearer: market.paula.accessToken)
            #expect(bad.status == .unprocessableContent && Set(bad.fieldErrors) == ["title", "amount", "due"])
            #expect(try await harness.send(.post, path, json: #"{"title": "Extra page", "amount": 150, "due": "2026-12-01", "price": 1}"#, bearer: market.paula.accessToken).fieldErrors == ["price"])
            #expect(try await harness.send(.post, path, json: "[]", bearer: market.paula.accessToken).status == .badRequest)

            let proposed = try await harness.send(.post, path, json: #"{"title": "Extra page", "description": "A page for the opening hours.", "amount": 150, "due": "2026-12-01"}"#, bearer: market.paula.accessToken)
            #expect(proposed.status == .created, "\(proposed.text)")
            let extra = try #require((try proposed.json()["milestones"] as? [[String: Any]])?.last)
            let extraID = try #require((extra["id"] as? NSNumber)?.int64Value)
            #expect(extra["status"] as? String == "proposed" && extra["proposed_by"] as? String == "provider" && extra["position"] as? Int == 3)
            #expect(extra["next_steps"] as? [String] == ["withdraw"])
            #expect(try await fixture.milestone(extraID, as: market.ada)["next_steps"] as? [String] == ["accept", "decline"])
            #expect(((try await fixture.project(as: market.ada)["progress"] as? [String: Any])?["milestones_agreed"] as? Int) == 2, "not agreed yet")
            #expect(try await harness.emails(to: "ada@example.com").contains { $0.subject.contains("New milestone proposed") })
            #expect(try await fixture.step("accept", extraID, as: market.paula).status == .conflict, "the proposer cannot accept their own")
            #expect(try await fixture.step("accept", extraID, as: market.ada).status == .ok)
            let agreed = try await fixture.project(as: market.ada)
            #expect((agreed["progress"] as? [String: Any])?["milestones_agreed"] as? Int == 3)
            #expect(((agreed["progress"] as? [String: Any])?["agreed"] as? [String: Any])?["amount_minor"] as? Int == 195_000)

            let asked = try await harness.send(.post, path, json: #"{"title": "Logo variants", "amount": "80.50", "due": "2026-11-15T12:00"}"#, bearer: market.ada.accessToken)
            let askedID = try #require(((try asked.json()["milestones"] as? [[String: Any]])?.last?["id"] as? NSNumber)?.int64Value)
            #expect(try await fixture.step("decline", askedID, as: market.paula).status == .ok)
            let third = try await harness.send(.post, path, json: #"{"title": "Photo shoot", "amount": 300, "due": "2026-11-20"}"#, bearer: market.ada.accessToken)
            let thirdID = try #require(((try third.json()["milestones"] as? [[String: Any]])?.last?["id"] as? NSNumber)?.int64Value)
            #expect(try await fixture.step("withdraw", thirdID, as: market.paula).status == .conflict, "only its proposer withdraws it")
            #expect(try await fixture.step("withdraw", thirdID, as: market.ada).status == .ok)
            let statuses = (try await fixture.project(as: market.ada)["milestones"] as? [[String: Any]])?.compactMap { $0["status"] as? String }
            #expect(statuses == ["pending", "pending", "pending", "declined", "declined"])
            #expect(try await fixture.activityKinds().suffix(6) == [
                "milestone.proposed", "milestone.accepted", "milestone.proposed", "milestone.declined", "milestone.proposed", "milestone.withdrawn",
            ])
        }
    }

    @Test("cancelling by agreement: one member asks with a reason, the other declines or agrees; agreed, the project and its order are cancelled and the provider's record counts it", arguments: TestDatabase.engines)
    func cancellation(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let harness = market.harness
            let path = "/api/projects/\(fixture.projectID)/cancel"
            let rate = { () async throws -> Double? in
                try await harness.store.sql.raw("SELECT completion_rate FROM user_statistics WHERE user_id = \(bind: market.paula.userID)").first()?
                    .decode(column: "completion_rate", as: Double.self)
            }
            // A figure written by hand is not a record: the record counts the provider's projects.
            try await harness.store.sql.raw("""
                INSERT INTO user_statistics (user_id, completed_projects, completion_rate, updated_at) VALUES (\(bind: market.paula.userID), 4, 1, \(bind: AuthHarness.start))
                ON CONFLICT (user_id) DO UPDATE SET completed_projects = 4, completion_rate = 1
                """).run()
            #expect(try await harness.send(.post, path, json: "{}", bearer: market.ada.accessToken).fieldErrors == ["reason"], "asking needs a reason")
            #expect(try await harness.send(.post, path, json: #"{"reason": "Short"}"#, bearer: market.ada.accessToken).fieldErrors == ["reason"])
            #expect(try await harness.send(.delete, path, bearer: market.ada.accessToken).status == .conflict, "nothing to withdraw")
            #expect(try await harness.send(.post, path, json: #"{"reason": "Our plans changed."}"#, bearer: market.bob.accessToken).status == .notFound)

            let asked = try await harness.send(.post, path, json: #"{"reason": "Our bakery is closing for the winter."}"#, bearer: market.ada.accessToken)
            #expect(asked.status == .ok, "\(asked.text)")
            #expect((try asked.json()["cancellation"] as? [String: Any])?["requested_by"] as? String == "client")
            #expect(try await harness.emails(to: "paula@example.com").contains { $0.subject.contains("Request to cancel") })
            let again = try await harness.send(.post, path, json: #"{"reason": "Our bakery is closing for the winter."}"#, bearer: market.ada.accessToken)
            #expect(again.status == .conflict && again.text.contains("waits for the provider"))

            // The provider declines: the project goes on; the client asks again and the provider agrees.
            let declined = try await harness.send(.delete, path, bearer: market.paula.accessToken)
            #expect(declined.status == .ok)
            #expect(try declined.json()["cancellation"] == nil, "the project goes on without a waiting request")
            #expect(try await harness.send(.post, path, json: #"{"reason": "We closed for good, sorry."}"#, bearer: market.ada.accessToken).status == .ok)
            let agreed = try await harness.send(.post, path, json: "{}", bearer: market.paula.accessToken)
            #expect(agreed.status == .ok, "\(agreed.text)")
            let cancelled = try agreed.json()
            #expect(cancelled["status"] as? String == "cancelled")
            #expect((cancelled["cancellation"] as? [String: Any])?["reason"] as? String == "We closed for good, sorry.")
            #expect((cancelled["milestones"] as? [[String: Any]])?.allSatisfy { ($0["next_steps"] as? [String]) == [] } == true)
            let order = try await harness.send(.get, "/api/orders/\(fixture.orderID)", bearer: market.ada.accessToken).json()
            #expect(order["status"] as? String == "cancelled")
            #expect(try await rate() == 0, "none completed of the one closed")
            for address in ["ada@example.com", "paula@example.com"] {
                #expect(try await harness.emails(to: address).contains { $0.subject.contains("Project cancelled") }, "\(address)")
            }
            #expect(try await fixture.activityKinds().suffix(4) == [
                "project.cancellation-requested", "project.cancellation-declined", "project.cancellation-requested", "project.cancelled",
            ])
            #expect(try await fixture.step("start", fixture.milestoneIDs[0], as: market.paula).status == .conflict)
            let late = try await harness.send(.post, "/api/projects/\(fixture.projectID)/milestones", json: #"{"title": "One more page", "amount": 50, "due": "2026-12-01"}"#, bearer: market.paula.accessToken)
            #expect(late.status == .conflict && late.text.contains("active projects only"), "a cancelled project takes no new milestone")
            #expect(try await harness.send(.post, path, json: #"{"reason": "Once more, for the record."}"#, bearer: market.ada.accessToken).status == .conflict)
            #expect(try await harness.send(.delete, path, bearer: market.ada.accessToken).status == .conflict)
            // The order route never cancels a running order by itself.
            let other = try await ProjectFixture.accepted(in: market, proposal: OrderMarketplace.proposalJSON)
            #expect(try await harness.send(.post, "/api/orders/\(other.orderID)/cancel", bearer: market.ada.accessToken).status == .conflict)
        }
    }

    @Test("two steps at once end in one state: approve against request changes, and a double submit", arguments: TestDatabase.engines)
    func races(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let design = fixture.milestoneIDs[0]
            #expect(try await fixture.fund(design).status == .ok)
            #expect(try await fixture.step("start", design, as: market.paula).status == .ok)
            let submits = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<2 { group.addTask { try await fixture.step("submit", design, as: market.paula, note: "All done.").status } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(submits.sorted { $0.code < $1.code } == [.ok, .conflict])
            let answers = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                group.addTask { try await fixture.step("approve", design, as: market.ada).status }
                group.addTask { try await fixture.step("request-changes", design, as: market.ada, note: "The colours are off on phones.").status }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.sorted { $0.code < $1.code } == [.ok, .conflict])
            let milestone = try await fixture.milestone(design, as: market.ada)
            #expect(["approved", "changes_requested"].contains(milestone["status"] as? String ?? ""))
            #expect((milestone["submissions"] as? [[String: Any]])?.count == 1, "one submission recorded")
        }
    }

    @Test("a member exports the project as JSON with its activity or as CSV a spreadsheet cannot run; no one else may")
    func export() async throws {
        try await OrderMarketplace.with { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let harness = market.harness
            let design = fixture.milestoneIDs[0]
            #expect(try await fixture.fund(design).status == .ok)
            #expect(try await fixture.step("start", design, as: market.paula).status == .ok)
            #expect(try await fixture.step("submit", design, as: market.paula, note: "Sketches attached.").status == .ok)
            let proposed = try await harness.send(.post, "/api/projects/\(fixture.projectID)/milestones", json: #"{"title": "=HYPERLINK(\"http://x\")", "amount": 90, "due": "2026-12-01"}"#, bearer: market.paula.accessToken)
            #expect(proposed.status == .created, "\(proposed.text)")

            let json = try await harness.send(.get, "/api/projects/\(fixture.projectID)/export", bearer: market.ada.accessToken)
            #expect(json.status == .ok && json.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"agora-project-\(fixture.projectID)-") == true)
            #expect(json.headers[.cacheControl] == "no-store")
            let body = try json.json()
            #expect(body["format"] as? String == "agora-project-export/1")
            let milestones = try #require((body["project"] as? [String: Any])?["milestones"] as? [[String: Any]])
            #expect((milestones[0]["submissions"] as? [[String: Any]])?.first?["note"] as? String == "Sketches attached.")
            #expect((body["activity"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } == [
                "milestone.proposed", "milestone.submitted", "milestone.started", "milestone.funded", "project.started",
            ])

            let csv = try await harness.send(.get, "/api/projects/\(fixture.projectID)/export?format=csv", bearer: market.paula.accessToken)
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 4)
            #expect(lines[0] == "position,title,status,amount,currency,due_at,submitted_at,approved_at,revisions")
            #expect(lines[1].hasPrefix("1,Design,submitted,600.00,EUR,") && lines[1].hasSuffix(",1"))
            #expect(lines[3] == #"3,"'=HYPERLINK(""http://x"")",proposed,90.00,EUR,2026-12-01T22:59:00Z,,,0"#, "a formula is quoted away")

            #expect(try await harness.send(.get, "/api/projects/\(fixture.projectID)/export", bearer: market.seeded.accessToken).status == .notFound)
            #expect(try await harness.send(.get, "/api/projects/\(fixture.projectID)/export?format=pdf", bearer: market.ada.accessToken).fieldErrors == ["format"])
        }
    }

    @Test("the review window reminds a silent client three days before it closes, then approves the submission itself")
    func reviewWindow() async throws {
        try await OrderMarketplace.with { market in
            let fixture = try await ProjectFixture.accepted(in: market, proposal: OrderMarketplace.proposalJSON)
            let harness = market.harness
            let only = fixture.milestoneIDs[0]
            #expect(try await fixture.fund(only).status == .ok)
            #expect(try await fixture.step("start", only, as: market.paula).status == .ok)
            #expect(try await fixture.step("submit", only, as: market.paula, note: "The site is live.").status == .ok)
            let settings = await LivePlatformSettings.read(from: harness.store, overrides: [.projectsReviewWindowDays: .number(10)])
            let job = ProjectReviewJob(store: harness.store, settings: settings, announcer: ProjectAnnouncer(email: harness.composer), clock: harness.clock)
            harness.clock.advance(by: 6 * 86_400)
            #expect(try await job.runOnce() == .init())
            harness.clock.advance(by: 1.5 * 86_400)
            #expect(try await job.runOnce() == .init(reminded: 1))
            #expect(try await job.runOnce() == .init(), "reminded once")
            #expect(try await harness.emails(to: "ada@example.com").contains { $0.subject.contains("Waiting for your review") })
            harness.clock.advance(by: 3 * 86_400)
            #expect(try await job.runOnce() == .init(approved: 1))
            // Days went by: the access tokens of the morning are long expired.
            let paula = try SignIn(try await harness.login("paula@example.com"))
            let project = try await fixture.project(as: paula)
            #expect(project["status"] as? String == "completed")
            #expect(try await fixture.activityKinds(as: paula).suffix(5) == [
                "milestone.submitted", "milestone.review-reminded", "milestone.approved-automatically", "escrow.released", "project.completed",
            ])
            #expect(try await harness.emails(to: "paula@example.com").contains { $0.subject.contains("Approved: “\(MilestonePlan.wholeWorkTitle)”") })
            #expect(try await job.runOnce() == .init())
        }
    }

    @Test("the client pauses and resumes; while paused nothing moves, not even the review window; the provider may not pause", arguments: TestDatabase.engines)
    func pauseAndResume(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ProjectFixture.accepted(in: market, proposal: OrderMarketplace.proposalJSON)
            let harness = market.harness
            let only = fixture.milestoneIDs[0]
            let path = "/api/projects/\(fixture.projectID)"
            #expect(try await fixture.fund(only).status == .ok)
            #expect(try await fixture.step("start", only, as: market.paula).status == .ok)
            #expect(try await fixture.step("submit", only, as: market.paula, note: "The site is live.").status == .ok)

            #expect(try await harness.send(.post, path + "/pause", json: "{}", bearer: market.paula.accessToken).status == .conflict, "the client's call")
            #expect(try await harness.send(.post, path + "/pause", json: "{}", bearer: market.seeded.accessToken).status == .notFound)
            #expect(try await harness.send(.post, path + "/resume", json: "{}", bearer: market.ada.accessToken).status == .conflict, "not paused")
            let tooLong = #"{"reason": "\#(String(repeating: "a", count: ProjectPause.reasonLength.upperBound + 1))"}"#
            #expect(try await harness.send(.post, path + "/pause", json: tooLong, bearer: market.ada.accessToken).fieldErrors == ["reason"])
            let paused = try await harness.send(.post, path + "/pause", json: #"{"reason": "Waiting for our budget."}"#, bearer: market.ada.accessToken)
            #expect(paused.status == .ok, "\(paused.text)")
            #expect(try paused.json()["status"] as? String == "paused")
            #expect(try await harness.send(.post, path + "/pause", json: "{}", bearer: market.ada.accessToken).status == .conflict, "paused already")
            #expect(try await harness.emails(to: "paula@example.com").contains { $0.subject.contains("Project paused") && $0.textBody.contains("Waiting for our budget.") })
            let milestone = try await fixture.milestone(only, as: market.ada)
            #expect(milestone["next_steps"] as? [String] == [], "nothing moves while paused")
            #expect(try await fixture.step("approve", only, as: market.ada).status == .conflict)
            #expect(try await fixture.project(as: market.ada)["health"] as? [String] == [])

            let job = ProjectReviewJob(store: harness.store, settings: await LivePlatformSettings.read(from: harness.store),
                                         announcer: ProjectAnnouncer(email: harness.composer), clock: harness.clock)
            harness.clock.advance(by: 30 * 86_400)
            #expect(try await job.runOnce() == .init(), "a paused project's review window waits")

            let ada = try SignIn(try await harness.login("ada@example.com"))
            let paula = try SignIn(try await harness.login("paula@example.com"))
            let resumed = try await harness.send(.post, path + "/resume", json: "{}", bearer: ada.accessToken)
            #expect(try resumed.json()["status"] as? String == "active")
            #expect(try await harness.emails(to: "paula@example.com").contains { $0.subject.contains("Project resumed") })
            #expect(try await fixture.activityKinds(as: paula).suffix(2) == ["project.paused", "project.resumed"])
            #expect(try await fixture.step("approve", only, as: ada).status == .ok, "work goes on")
        }
    }

    @Test("the dashboard and the list: counts, what waits for me, due soon, filters and pages; bad parameters named", arguments: TestDatabase.engines)
    func dashboardAndList(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let first = try await ProjectFixture.accepted(in: market)
            let harness = market.harness
            market.harness.clock.advance(by: 60)
            let second = try await ProjectFixture.accepted(in: market, proposal: OrderMarketplace.proposalJSON)
            let dashboard = try await harness.send(.get, "/api/projects/dashboard", bearer: market.paula.accessToken).json()
            #expect((dashboard["counts"] as? [String: Int])?["active"] == 2)
            let awaiting = try #require(dashboard["awaiting_me"] as? [[String: Any]])
            #expect(awaiting.isEmpty, "nothing is funded yet")
            let dueSoon = try #require(dashboard["due_soon"] as? [[String: Any]])
            #expect(dueSoon.compactMap { ($0["milestone"] as? [String: Any])?["title"] as? String } == ["Design"], "due in five days")
            #expect((dashboard["recent_activity"] as? [[String: Any]])?.count == 2)
            let client = try await harness.send(.get, "/api/projects/dashboard", bearer: market.ada.accessToken).json()
            #expect((client["awaiting_me"] as? [[String: Any]])?.count == 3, "three milestones to fund")

            let page = try await harness.send(.get, "/api/projects?limit=1", bearer: market.ada.accessToken).json()
            #expect((page["projects"] as? [[String: Any]])?.compactMap { ($0["id"] as? NSNumber)?.int64Value } == [second.projectID])
            let after = try #require(page["next_after"] as? String)
            let next = try await harness.send(.get, "/api/projects?limit=1&after=\(after)", bearer: market.ada.accessToken).json()
            #expect((next["projects"] as? [[String: Any]])?.compactMap { ($0["id"] as? NSNumber)?.int64Value } == [first.projectID])
            #expect(next["next_after"] == nil)
            let byDeadline = try await harness.send(.get, "/api/projects?sort=deadline", bearer: market.ada.accessToken).json()
            #expect((byDeadline["projects"] as? [[String: Any]])?.compactMap { ($0["id"] as? NSNumber)?.int64Value } == [first.projectID, second.projectID], "14 days before 20")
            for (query, count) in [("role=client", 2), ("role=provider", 0), ("status=completed", 0), ("status=active,paused", 2), ("q=BAKERY", 2), ("q=plumbing", 0)] {
                let found = try await harness.send(.get, "/api/projects?\(query)", bearer: market.ada.accessToken).json()
                #expect((found["projects"] as? [[String: Any]])?.count == count, "\(query)")
            }
            #expect((try await harness.send(.get, "/api/projects", bearer: market.bob.accessToken).json()["projects"] as? [Any])?.isEmpty == true)
            let wrong = try await harness.send(.get, "/api/projects?status=done&role=owner&sort=best&after=yesterday&limit=0&colour=red", bearer: market.ada.accessToken)
            #expect(wrong.status == .badRequest)
            #expect(Set(wrong.fieldErrors) == ["status", "role", "sort", "after", "limit", "colour"])
        }
    }
}
