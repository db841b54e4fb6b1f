/// How far a project is. Fixed-price work is measured by the amounts of its approved milestones against those of its
/// agreed plan (a proposed or declined milestone counts for nothing); hourly work by the approved minutes against
/// those its weekly limit allows over its timeline (`HourlyRules.budgetedMinutes`). The one definition the
/// dashboard, the project and its pages read.
public struct ProjectProgress: Sendable, Hashable {
    /// Hourly work's measure, in minutes.
    public struct Hours: Sendable, Hashable {
        public let approvedMinutes: Int
        public let loggedMinutes: Int
        public let budgetedMinutes: Int
    }

    public let agreedMinorUnits: Int64
    public let approvedMinorUnits: Int64
    public let milestonesAgreed: Int
    public let milestonesApproved: Int
    /// Present for hourly work only.
    public let hours: Hours?

    public init(_ milestones: [(status: MilestoneStatus, amountMinorUnits: Int64)]) {
        let agreed = milestones.filter { $0.status.isAgreed }
        let approved = agreed.filter { $0.status.countsAsDone }
        agreedMinorUnits = agreed.reduce(0) { $0 + $1.amountMinorUnits }
        approvedMinorUnits = approved.reduce(0) { $0 + $1.amountMinorUnits }
        milestonesAgreed = agreed.count
        milestonesApproved = approved.count
        hours = nil
    }

    /// Hourly work at `rate`: the approved and logged minutes, against the budgeted ones; the amounts are what
    /// those minutes come to.
    public init(approvedMinutes: Int, loggedMinutes: Int, budgetedMinutes: Int, rate: Money) {
        hours = Hours(approvedMinutes: approvedMinutes, loggedMinutes: loggedMinutes, budgetedMinutes: budgetedMinutes)
        agreedMinorUnits = HourlyRules.amount(minutes: budgetedMinutes, rate: rate).minorUnits
        approvedMinorUnits = HourlyRules.amount(minutes: approvedMinutes, rate: rate).minorUnits
        milestonesAgreed = 0
        milestonesApproved = 0
    }

    /// Whole percent, rounded down: 100 only when everything agreed is approved (hourly work past its budget
    /// stays at 100).
    public var percent: Int {
        if let hours {
            guard hours.budgetedMinutes > 0 else { return 0 }
            return min(100, hours.approvedMinutes * 100 / hours.budgetedMinutes)
        }
        guard agreedMinorUnits > 0 else { return 0 }
        return Int(approvedMinorUnits * 100 / agreedMinorUnits)
    }

    /// Every agreed milestone approved (and there is at least one): the project can complete. Hourly work is never
    /// done by its measure; the client ends it.
    public var isDone: Bool { hours == nil && milestonesAgreed > 0 && milestonesApproved == milestonesAgreed }
}
