import AgoraDomain
import Foundation
import Testing

@Suite("Milestone and project workflow")
struct MilestoneWorkflowTests {
    /// Every step every actor may take from every status, as `after` allows: the whole table, so that a new legal
    /// move has to be written here too.
    @Test("who may take which step from which status, and nothing else")
    func milestoneSteps() {
        var legal: [String] = []
        let actors: [(MilestoneActor, String)] = [
            (.member(.client), "client"), (.member(.provider), "provider"), (.reviewWindow, "window"), (.administrator, "administrator"),
        ]
        for status in MilestoneStatus.allCases {
            for step in MilestoneStep.allCases {
                for (actor, name) in actors {
                    for proposer in [ProjectRole?.none, .client, .provider] {
                        if let next = try? status.after(step, by: actor, proposer: proposer) {
                            legal.append("\(status.rawValue) \(step.rawValue) by \(name) (proposed by \(proposer?.rawValue ?? "plan")) → \(next.rawValue)")
                        }
                    }
                }
            }
        }
        #expect(legal.sorted() == [
            "changes_requested settle by administrator (proposed by client) → settled",
            "changes_requested settle by administrator (proposed by plan) → settled",
            "changes_requested settle by administrator (proposed by provider) → settled",
            "changes_requested submit by provider (proposed by client) → submitted",
            "changes_requested submit by provider (proposed by plan) → submitted",
            "changes_requested submit by provider (proposed by provider) → submitted",
            "funded refund-all by administrator (proposed by client) → pending",
            "funded refund-all by administrator (proposed by plan) → pending",
            "funded refund-all by administrator (proposed by provider) → pending",
            "funded refund-all by provider (proposed by client) → pending",
            "funded refund-all by provider (proposed by plan) → pending",
            "funded refund-all by provider (proposed by provider) → pending",
            "funded settle by administrator (proposed by client) → settled",
            "funded settle by administrator (proposed by plan) → settled",
            "funded settle by administrator (proposed by provider) → settled",
            "funded start by provider (proposed by client) → in_progress",
            "funded start by provider (proposed by plan) → in_progress",
            "funded start by provider (proposed by provider) → in_progress",
            "in_progress settle by administrator (proposed by client) → settled",
            "in_progress settle by administrator (proposed by plan) → settled",
            "in_progress settle by administrator (proposed by provider) → settled",
            "in_progress submit by provider (proposed by client) → submitted",
            "in_progress submit by provider (proposed by plan) → submitted",
            "in_progress submit by provider (proposed by provider) → submitted",
            "pending fund by client (proposed by client) → funded",
            "pending fund by client (proposed by plan) → funded",
            "pending fund by client (proposed by provider) → funded",
            "proposed accept by client (proposed by provider) → pending",
            "proposed accept by provider (proposed by client) → pending",
            "proposed decline by client (proposed by provider) → declined",
            "proposed decline by provider (proposed by client) → declined",
            "proposed withdraw by client (proposed by client) → declined",
            "proposed withdraw by provider (proposed by provider) → declined",
            "submitted approve by client (proposed by client) → approved",
            "submitted approve by client (proposed by plan) → approved",
            "submitted approve by client (proposed by provider) → approved",
            "submitted approve by window (proposed by client) → approved",
            "submitted approve by window (proposed by plan) → approved",
            "submitted approve by window (proposed by provider) → approved",
            "submitted request-changes by client (proposed by client) → changes_requested",
            "submitted request-changes by client (proposed by plan) → changes_requested",
            "submitted request-changes by client (proposed by provider) → changes_requested",
            "submitted settle by administrator (proposed by client) → settled",
            "submitted settle by administrator (proposed by plan) → settled",
            "submitted settle by administrator (proposed by provider) → settled",
        ])
        #expect(throws: StatusTransitionError("a milestone that is submitted cannot be started by the provider")) {
            try MilestoneStatus.submitted.after(.start, by: .member(.provider))
        }
        #expect(throws: StatusTransitionError("a milestone that is not funded cannot be started by the provider")) {
            try MilestoneStatus.pending.after(.start, by: .member(.provider))
        }
        #expect(!MilestoneStep.workflow.contains(.fund) && !MilestoneStep.workflow.contains(.refundAll), "the money steps come with a payment")
    }

    @Test("whose turn it is: the dashboard's awaiting my action follows the steps")
    func awaiting() {
        for status in MilestoneStatus.allCases {
            for role in ProjectRole.allCases {
                for proposer in [ProjectRole?.none, .client, .provider] {
                    let canStep = MilestoneStep.allCases.contains { step in
                        step != .withdraw && (try? status.after(step, by: .member(role), proposer: proposer)) != nil
                    }
                    #expect(status.awaits(role, proposer: proposer) == canStep, "\(status) \(role) \(String(describing: proposer))")
                }
            }
        }
    }

    @Test("project moves: pause and resume, complete from active only, cancel or dispute while open, a dispute settles three ways")
    func projectMoves() {
        var legal: [String] = []
        for from in ProjectStatus.allCases {
            for to in ProjectStatus.allCases where from.canMove(to: to) { legal.append("\(from.rawValue)→\(to.rawValue)") }
        }
        #expect(legal.sorted() == [
            "active→cancelled", "active→completed", "active→disputed", "active→paused", "disputed→active", "disputed→cancelled",
            "disputed→completed", "paused→active", "paused→cancelled", "paused→disputed",
        ])
        #expect(throws: StatusTransitionError("a project that is completed cannot become active")) { try ProjectStatus.completed.moving(to: .active) }
    }

    @Test("cancelling by agreement: asking opens a request, the other member's ask agrees, the asker cannot agree with themselves; closed projects are not cancelled")
    func cancellation() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let pending = ProjectCancellation(requestedBy: .client, reason: "Plans changed.", requestedAt: now)
        #expect(try ProjectCancellation.asking(.client, status: .active, pending: nil) == .requested)
        #expect(try ProjectCancellation.asking(.provider, status: .paused, pending: pending) == .agreed)
        #expect(throws: StatusTransitionError("your request to cancel waits for the provider's answer")) {
            try ProjectCancellation.asking(.client, status: .active, pending: pending)
        }
        #expect(throws: StatusTransitionError("a project that is completed cannot be cancelled")) {
            try ProjectCancellation.asking(.provider, status: .completed, pending: pending)
        }
        #expect(try ProjectCancellation.reason("  We closed the shop.  ") == "We closed the shop.")
        #expect(throws: ValidationError([FieldError(field: "reason", message: "must be 10 to 1000 characters")])) { try ProjectCancellation.reason("Bye") }
    }

    @Test("progress counts approved amounts against the agreed plan; proposed and declined milestones count for nothing")
    func progress() {
        let progress = ProjectProgress([(.approved, 30_000), (.submitted, 45_000), (.pending, 25_000), (.proposed, 99_999), (.declined, 1)])
        #expect(progress.agreedMinorUnits == 100_000 && progress.approvedMinorUnits == 30_000)
        #expect(progress.percent == 30 && progress.milestonesAgreed == 3 && progress.milestonesApproved == 1 && !progress.isDone)
        #expect(ProjectProgress([(.approved, 1), (.approved, 2), (.declined, 5)]).isDone)
        #expect(ProjectProgress([(.approved, 2), (.pending, 1)]).percent == 66, "rounded down: 100 only when all is approved")
        #expect(!ProjectProgress([]).isDone && ProjectProgress([]).percent == 0)
    }

    @Test("health: overdue, waiting for review and quiet, for active projects only")
    func health() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let day: TimeInterval = 86_400
        let milestones: [(status: MilestoneStatus, dueAt: Date?)] = [(.inProgress, now.addingTimeInterval(-day)), (.submitted, nil), (.approved, now.addingTimeInterval(-9 * day))]
        #expect(ProjectHealth.issues(status: .active, milestones: milestones, lastActivity: now.addingTimeInterval(-8 * day), now: now, quietAfterDays: 7)
            == [.overdueMilestone, .awaitingReview, .quiet])
        #expect(ProjectHealth.issues(status: .active, milestones: [(.approved, now.addingTimeInterval(-day))], lastActivity: now.addingTimeInterval(-6 * day), now: now, quietAfterDays: 7)
            == [], "an approved milestone is never overdue; six days is not quiet yet")
        #expect(ProjectHealth.issues(status: .paused, milestones: milestones, lastActivity: .distantPast, now: now, quietAfterDays: 7) == [])
    }

    @Test("the starting plan: the proposal's milestones due their days after the start, or one for the whole price at the deadline")
    func plan() throws {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let deadline = start.addingTimeInterval(20 * 86_400)
        let planned = ProposalTerms(message: "Two steps.", price: .major(1_000, try CurrencyCode("EUR")), timelineDays: 20, milestones: [
            .init(title: "Design", amount: .major(400, try CurrencyCode("EUR")), dueInDays: 5),
            .init(title: "Launch", amount: .major(600, try CurrencyCode("EUR")), dueInDays: 20),
        ])
        #expect(MilestonePlan(planned, start: start, deadline: deadline).items.map(\.title) == ["Design", "Launch"])
        #expect(MilestonePlan(planned, start: start, deadline: deadline).items.first?.dueAt == start.addingTimeInterval(5 * 86_400))
        let whole = MilestonePlan(ProposalTerms(message: "All at once.", price: .major(800, try CurrencyCode("EUR")), timelineDays: 20, milestones: []), start: start, deadline: deadline)
        #expect(whole.items == [MilestonePlan.Item(title: MilestonePlan.wholeWorkTitle, amount: .major(800, try CurrencyCode("EUR")), dueAt: deadline)])
    }

    @Test("a milestone proposed in a running project: every bad field named; notes within their lengths")
    func proposalRules() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let euro = try CurrencyCode("EUR")
        let good = try MilestoneRules.Proposal(.init(title: "Extra page", description: "  ", amount: "150", due: "2027-03-01"), currency: euro, timeZone: "Europe/Paris", now: now)
        #expect(good.description == "" && good.amount == .major(150, euro) && good.due.timeZone == "Europe/Paris")
        #expect(throws: ValidationError([
            FieldError(field: "title", message: "must be 3 to 200 characters"),
            FieldError(field: "amount", message: Money.amountRule(in: euro)),
            FieldError(field: "due", message: "must be in the future"),
        ])) {
            try MilestoneRules.Proposal(.init(title: "Ok", amount: "ten", due: "2020-01-01"), currency: euro, timeZone: "Europe/Paris", now: now)
        }
        #expect(throws: ValidationError.self) { try MilestoneRules.changeRequest("Too short") }
        #expect(try MilestoneRules.deliverableNote("  The files are in the shared folder.  ") == "The files are in the shared folder.")
        #expect(throws: ValidationError([FieldError(field: "note", message: "is required")])) { try MilestoneRules.deliverableNote(nil) }
    }

    @Test("a closed project moves the provider's record: completed count and completion rate over the projects closed")
    func record() {
        let record = ProviderStatistics(ratingAverage: 4.8, ratingCount: 10, completedProjects: 9, completionRate: 0.9, responseTimeMinutes: 30)
        let completed = record.counting(completed: 10, closed: 11)
        #expect(completed.completedProjects == 10 && abs(completed.completionRate - 10.0 / 11.0) < 1e-9)
        let cancelledFirst = ProviderStatistics.none.counting(completed: 0, closed: 1)
        #expect(cancelledFirst.completedProjects == 0 && cancelledFirst.completionRate == 0)
        #expect(ProviderStatistics.none.counting(completed: 1, closed: 2).completionRate == 0.5, "a cancellation first still counts")
        #expect(ProviderStatistics.none.counting(completed: 1, closed: 1).completionRate == 1)
        #expect(completed.ratingAverage == 4.8 && completed.responseTimeMinutes == 30)
    }
}
