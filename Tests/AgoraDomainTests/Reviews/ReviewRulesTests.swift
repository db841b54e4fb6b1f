import AgoraDomain
import Foundation
import Testing

@Suite("Who reviews when")
struct ReviewRulesTests {
    let started = Date(timeIntervalSince1970: 1_800_000_000)
    let rules = ReviewRules.standard

    func work(_ status: ProjectStatus, days: Double?, paid: Bool) -> ReviewableWork {
        ReviewableWork(status: status, startedAt: started, closedAt: days.map { started.addingTimeInterval($0 * 86_400) }, moneyReleased: paid)
    }

    @Test("a completed project opens a window of the set days from its completion; a running one has none")
    func window() throws {
        let window = try ReviewWindow.open(for: work(.completed, days: 10, paid: true), rules: rules)
        #expect(window.opensAt == started.addingTimeInterval(10 * 86_400) && window.closesAt == started.addingTimeInterval(24 * 86_400))
        #expect(window.accepts(at: window.closesAt.addingTimeInterval(-1)) && !window.accepts(at: window.closesAt))
        #expect(window.reminders == [window.opensAt.addingTimeInterval(86_400), window.closesAt.addingTimeInterval(-3 * 86_400)])
        for status in [ProjectStatus.active, .paused, .disputed] {
            #expect(throws: StatusTransitionError.self) { try ReviewWindow.open(for: work(status, days: nil, paid: true), rules: rules) }
        }
    }

    @Test("a cancelled project is reviewed only after money was released; short work only when money moved")
    func realWork() throws {
        #expect(throws: StatusTransitionError.self) { try ReviewWindow.open(for: work(.cancelled, days: 30, paid: false), rules: rules) }
        _ = try ReviewWindow.open(for: work(.cancelled, days: 1, paid: true), rules: rules)
        #expect(throws: StatusTransitionError.self) { try ReviewWindow.open(for: work(.completed, days: 2.9, paid: false), rules: rules) }
        _ = try ReviewWindow.open(for: work(.completed, days: 3, paid: false), rules: rules)
        _ = try ReviewWindow.open(for: work(.completed, days: 0.1, paid: true), rules: rules)
    }

    @Test("both reviews publish when both are in, or when the window closes")
    func blind() throws {
        let window = try ReviewWindow.open(for: work(.completed, days: 5, paid: true), rules: rules)
        #expect(!window.publishes(bothSubmitted: false, at: window.opensAt))
        #expect(window.publishes(bothSubmitted: true, at: window.opensAt))
        #expect(window.publishes(bothSubmitted: false, at: window.closesAt))
    }

    @Test("a review's status moves only along its arrows")
    func transitions() throws {
        #expect(try ReviewStatus.pending.after(.publish) == .published)
        #expect(try ReviewStatus.pending.after(.hold) == .held)
        #expect(try ReviewStatus.held.after(.release) == .published)
        #expect(try ReviewStatus.published.after(.hide) == .hidden)
        #expect(try ReviewStatus.hidden.after(.restore) == .published)
        #expect(try ReviewStatus.hidden.after(.remove) == .removed)
        #expect(try ReviewStatus.held.after(.remove) == .removed)
        var legal = 0
        for status in ReviewStatus.allCases {
            for step in ReviewStatus.Step.allCases {
                if (try? status.after(step)) != nil { legal += 1 }
            }
        }
        #expect(legal == 9)
        #expect(ReviewStatus.Step.allCases.allSatisfy { (try? ReviewStatus.removed.after($0)) == nil }, "removed is for good")
        #expect(throws: StatusTransitionError.self) { try ReviewStatus.pending.after(.hide) }
        #expect(ReviewStatus.allCases.filter(\.isPublic) == [.published])
    }

    @Test("a review's fields are checked together, each error named")
    func draft() throws {
        let written = try ReviewDraft(rating: 4, subRatings: ["quality": 5, "value": 3], comment: "  Clear, on time.\n", privateFeedback: nil)
        #expect(written.rating == 4 && written.subRatings == [.quality: 5, .value: 3] && written.comment == "Clear, on time." && written.privateFeedback == "")
        func fields(_ make: () throws -> ReviewDraft) -> [String] {
            do { _ = try make(); return [] } catch let invalid as ValidationError { return invalid.errors.map(\.field) } catch { return ["?"] }
        }
        #expect(fields { try ReviewDraft(rating: nil, subRatings: [:], comment: nil, privateFeedback: nil) } == ["rating"])
        #expect(fields { try ReviewDraft(rating: 6, subRatings: ["speed": 3, "quality": 0], comment: String(repeating: "a", count: 5_001), privateFeedback: "\u{7}") }
            == ["rating", "sub_ratings.quality", "sub_ratings.speed", "comment", "private_feedback"])
    }
}
