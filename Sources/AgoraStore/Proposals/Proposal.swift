import AgoraDomain
import Foundation

/// A provider's proposal as stored: the terms now on the table (the latest step of the negotiation) and where
/// it stands.
public struct Proposal: Sendable, Hashable {
    public let id: Int64
    public let orderID: Int64
    public let providerID: Int64
    public let terms: ProposalTerms
    public let status: ProposalStatus
    /// How many steps the negotiation has had (1: the first offer only).
    public let revisionCount: Int
    public let createdAt: Date
    public let updatedAt: Date
    /// Held by moderation: hidden from the order's client until a moderator decides.
    public let moderationHold: Bool
}

/// A proposal with what a client compares it by: who sent it and their record.
public struct ProposalComparison: Sendable, Hashable {
    public let proposal: Proposal
    public let providerName: String
    /// The provider's public page, when they have a published profile.
    public let providerSlug: String?
    public let providerPhoto: ProfilePhoto?
    public let ratingAverage: Double?
    public let ratingCount: Int
    public let completedProjects: Int
    public let responseTimeMinutes: Int?
}

/// One step of a negotiation: the terms one side put on the table.
public struct ProposalRevision: Sendable, Hashable {
    public let number: Int
    public let party: ProposalStatus.Party
    public let terms: ProposalTerms
    public let createdAt: Date
}

/// How a client sorts the proposals on an order for comparison.
public enum ProposalSort: String, Sendable, CaseIterable {
    case newest
    case price
    case timeline
    case rating
    case experience
}
