import AgoraDomain
import Foundation
import Testing

@Suite("Order details and proposal terms")
struct OrderDetailsTests {
    /// 2026-11-30 12:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_796_040_000)

    static func input() -> OrderDetails.Input {
        var input = OrderDetails.Input()
        input.title = "  A booking site for our bakery  "
        input.description = "We need a small site where customers order bread for the next morning."
        input.categoryID = 3
        input.budgetMinimum = "1500"
        input.budgetMaximum = "2500.50"
        input.currency = "eur"
        input.deadline = "2027-01-15T17:00"
        input.timeZone = "Europe/Paris"
        input.skills = ["Swift", "swift", "Design"]
        input.requirements = ["Works on phones", "Pays by card"]
        return input
    }

    static func errors(_ change: (inout OrderDetails.Input) -> Void) -> [String] {
        var input = input()
        change(&input)
        do {
            _ = try OrderDetails(input, now: now)
            return []
        } catch let invalid as ValidationError {
            return invalid.errors.map(\.field)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test("a complete order is read: trimmed, currency upper-cased, deadline in the client's zone, skills without duplicates")
    func valid() throws {
        let details = try OrderDetails(Self.input(), now: Self.now)
        #expect(details.title == "A booking site for our bakery")
        #expect(details.budgetMinimum == Money(minorUnits: 150_000, currency: .eur))
        #expect(details.budgetMaximum == Money(minorUnits: 250_050, currency: .eur))
        // 17:00 in Paris in January is 16:00 UTC.
        #expect(details.deadline.instant == Date(timeIntervalSince1970: 1_800_028_800))
        #expect(details.deadline.local == "2027-01-15T17:00")
        #expect(details.skills == ["Swift", "Design"])
        #expect(details.priority == .normal)
        #expect(details.visibility == .public)
        #expect(details.location == .remote)
    }

    @Test("each broken rule names its field", arguments: [
        ("title", { @Sendable (input: inout OrderDetails.Input) in input.title = "Short" }),
        ("title", { $0.title = "Two\nlines of title here" }),
        ("description", { $0.description = nil }),
        ("category_id", { $0.categoryID = nil }),
        ("currency", { $0.currency = "XXX" }),
        ("budget_min", { $0.budgetMinimum = "-5" }),
        ("budget_min", { $0.budgetMinimum = "0" }),
        ("budget_min", { $0.budgetMinimum = "10.555" }),
        ("budget_max", { $0.budgetMaximum = "1000" }),
        ("budget_max", { $0.budgetMaximum = "99999999999" }),
        ("deadline", { $0.deadline = "2026-11-29T10:00" }),
        ("deadline", { $0.deadline = "2029-06-01" }),
        ("deadline", { $0.deadline = "15/01/2027" }),
        ("deadline", { $0.deadline = "2027-02-30T10:00" }),
        ("deadline", { $0.deadline = "2027-03-28T02:30" }),
        ("time_zone", { $0.timeZone = "Mars/Olympus" }),
        ("priority", { $0.priority = "asap" }),
        ("visibility", { $0.visibility = "secret" }),
        ("location", { $0.location = "moon" }),
        ("country", { $0.location = "country"; $0.country = "XX" }),
        ("radius_km", { $0.location = "near"; $0.latitude = 45.76; $0.longitude = 4.84 }),
        ("latitude", { $0.location = "near"; $0.latitude = 95; $0.longitude = 4.84; $0.radiusKilometres = 10 }),
        ("skills", { $0.skills = Array(repeating: "Swift", count: 11) }),
        ("requirements[1]", { $0.requirements = ["Fine requirement", "x"] }),
    ] as [(String, @Sendable (inout OrderDetails.Input) -> Void)])
    func invalid(field: String, change: @Sendable (inout OrderDetails.Input) -> Void) {
        #expect(Self.errors(change) == [field])
    }

    @Test("a date alone means the end of that day; other places are kept")
    func places() throws {
        var input = Self.input()
        input.deadline = "2027-01-15"
        input.timeZone = "America/New_York"
        input.location = "near"
        input.latitude = 40.7
        input.longitude = -74
        input.radiusKilometres = 25
        let details = try OrderDetails(input, now: Self.now)
        #expect(details.deadline.local == "2027-01-15T23:59")
        guard case .near(let circle) = details.location else { Issue.record("not a circle"); return }
        #expect(circle.radiusKilometres == 25)
        input.location = "country"
        input.country = "fr"
        #expect(try OrderDetails(input, now: Self.now).location == .country("FR"))
    }

    @Test("every bad field is reported at once")
    func allAtOnce() {
        let fields = Self.errors { input in
            input.title = nil
            input.currency = nil
            input.timeZone = nil
        }
        #expect(Set(fields) == ["title", "currency", "time_zone"])
    }

    @Test("proposal terms: the order's currency, a timeline, milestones that add up")
    func terms() throws {
        var input = ProposalTerms.Input()
        input.message = "I have built three booking sites for bakeries."
        input.price = "2000"
        input.timelineDays = 30
        input.milestones = [("Design", "500", 10), ("Build and launch", "1500", 30)]
        let terms = try ProposalTerms(input, currency: .eur)
        #expect(terms.price == Money(minorUnits: 200_000, currency: .eur))
        #expect(terms.milestones.map(\.dueInDays) == [10, 30])

        func fields(_ change: (inout ProposalTerms.Input) -> Void) -> [String] {
            var copy = input
            change(&copy)
            do {
                _ = try ProposalTerms(copy, currency: .eur)
                return []
            } catch let invalid as ValidationError {
                return invalid.errors.map(\.field)
            } catch {
                return ["unexpected"]
            }
        }
        #expect(fields { $0.currency = "USD" } == ["currency"])
        #expect(fields { $0.price = "0" } == ["price"])
        #expect(fields { $0.timelineDays = 0 } == ["timeline_days"])
        #expect(fields { $0.milestones[1].amount = "1400" } == ["milestones"])
        #expect(fields { $0.milestones.reverse() } == ["milestones"])
        #expect(fields { $0.milestones[1].dueInDays = 31 } == ["milestones[1].due_in_days"])
        #expect(fields { $0.milestones = Array(repeating: ("Step", "200", 3), count: 11) } == ["milestones"])
        #expect(fields { $0.message = nil } == ["message"])
        #expect(fields { $0.hourlyRate = "40" } == ["hourly_rate"], "a fixed price has no rate")
        #expect(fields { $0.weeklyLimitHours = 20 } == ["weekly_limit_hours"])
        #expect(fields { $0.billing = "retainer" } == ["billing"])
    }

    @Test("hourly terms: a rate and a weekly limit instead of a price, and no milestones")
    func hourlyTerms() throws {
        var input = ProposalTerms.Input()
        input.message = "I can work on it every afternoon."
        input.billing = "hourly"
        input.hourlyRate = "45.50"
        input.weeklyLimitHours = 20
        input.timelineDays = 28
        let terms = try ProposalTerms(input, currency: .eur)
        #expect(terms.billing == .hourly(weeklyLimitHours: 20))
        #expect(terms.price == Money(minorUnits: 4_550, currency: .eur), "the rate per hour")

        func fields(_ change: (inout ProposalTerms.Input) -> Void) -> [String] {
            var copy = input
            change(&copy)
            do {
                _ = try ProposalTerms(copy, currency: .eur)
                return []
            } catch let invalid as ValidationError {
                return invalid.errors.map(\.field).sorted()
            } catch {
                return ["unexpected"]
            }
        }
        #expect(fields { $0.price = "2000" } == ["price"], "hourly work has no price")
        #expect(fields { $0.hourlyRate = nil } == ["hourly_rate"])
        #expect(fields { $0.weeklyLimitHours = nil } == ["weekly_limit_hours"])
        #expect(fields { $0.weeklyLimitHours = 0 } == ["weekly_limit_hours"])
        #expect(fields { $0.weeklyLimitHours = 81 } == ["weekly_limit_hours"])
        #expect(fields { $0.milestones = [("Design", "500", 10)] } == ["milestones"])
        #expect(fields { $0.hourlyRate = "0"; $0.weeklyLimitHours = nil } == ["hourly_rate", "weekly_limit_hours"])
    }
}
