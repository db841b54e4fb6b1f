/// Where a provider's proposal stands in the negotiation. `moving(to:by:)` is the one place that says which moves
/// are legal and whose move each is:
///
///     submitted ──client counters──> countered ──provider revises──> revised ──client counters──> countered …
///     submitted / revised ──client accepts──> accepted
///     submitted / countered / revised ──client rejects──> rejected, ──provider withdraws──> withdrawn
///
/// The client accepts only terms the provider put on the table (submitted or revised); a counter-offer the
/// provider likes is answered with a revision on those terms.
public enum ProposalStatus: String, Sendable, Codable, CaseIterable {
    case submitted
    case countered
    case revised
    case accepted
    case rejected
    case withdrawn

    /// Who takes a step in the negotiation.
    public enum Party: String, Sendable {
        case client
        case provider
    }

    /// Proposals still in negotiation: a provider has at most one of these per order.
    public var isLive: Bool { self == .submitted || self == .countered || self == .revised }

    /// Every status still in negotiation.
    public static let live = allCases.filter(\.isLive)

    public func canMove(to next: ProposalStatus, by party: Party) -> Bool {
        switch (self, next, party) {
        case (.submitted, .countered, .client), (.revised, .countered, .client): true
        case (.countered, .revised, .provider), (.submitted, .revised, .provider), (.revised, .revised, .provider): true
        case (.submitted, .accepted, .client), (.revised, .accepted, .client): true
        case (_, .rejected, .client) where isLive: true
        case (_, .withdrawn, .provider) where isLive: true
        default: false
        }
    }

    /// The status after a party's move, or an error naming the impossible one.
    public func moving(to next: ProposalStatus, by party: Party) throws -> ProposalStatus {
        guard canMove(to: next, by: party) else {
            throw StatusTransitionError("a \(rawValue) proposal cannot be \(next.rawValue) by the \(party.rawValue)")
        }
        return next
    }
}
