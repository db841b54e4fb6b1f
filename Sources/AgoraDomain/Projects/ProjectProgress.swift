/// How far a project is, by the amounts of its approved milestones against those of its agreed plan (a proposed or
/// declined milestone counts for nothing). The one definition the dashboard, the project and its pages read.
public struct ProjectProgress: Sendable, Hashable {
    public let agreedMinorUnits: Int64
    public let approvedMinorUnits: Int64
    public let milestonesAgreed: Int
    public let milestonesApproved: Int

    public init(_ milestones: [(status: MilestoneStatus, amountMinorUnits: Int64)]) {
        let agreed = milestones.filter { $0.status.isAgreed }
        let approved = agreed.filter { $0.status.countsAsDone }
        agreedMinorUnits = agreed.reduce(0) { $0 + $1.amountMinorUnits }
        approvedMinorUnits = approved.reduce(0) { $0 + $1.amountMinorUnits }
        milestonesAgreed = agreed.count
        milestonesApproved = approved.count
    }

    /// Whole percent, rounded down: 100 only when everything agreed is approved.
    public var percent: Int {
        guard agreedMinorUnits > 0 else { return 0 }
        return Int(approvedMinorUnits * 100 / agreedMinorUnits)
    }

    /// Every agreed milestone approved (and there is at least one): the project can complete.
    public var isDone: Bool { milestonesAgreed > 0 && milestonesApproved == milestonesAgreed }
}
