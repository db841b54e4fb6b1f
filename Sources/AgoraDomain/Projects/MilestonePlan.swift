import Foundation

/// The milestones a project starts with: the accepted proposal's plan, each due its number of days after the start;
/// or, when the proposal had no plan, one milestone for the whole price, due at the project's deadline.
public struct MilestonePlan: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public let title: String
        public let amount: Money
        public let dueAt: Date

        public init(title: String, amount: Money, dueAt: Date) {
            self.title = title
            self.amount = amount
            self.dueAt = dueAt
        }
    }

    /// The title of the one milestone of a project accepted without a plan.
    public static let wholeWorkTitle = "All the agreed work"

    public let items: [Item]

    public init(_ terms: ProposalTerms, start: Date, deadline: Date) {
        if terms.milestones.isEmpty {
            items = [Item(title: Self.wholeWorkTitle, amount: terms.price, dueAt: deadline)]
        } else {
            items = terms.milestones.map { Item(title: $0.title, amount: $0.amount, dueAt: start.addingTimeInterval(TimeInterval($0.dueInDays) * 86_400)) }
        }
    }
}
