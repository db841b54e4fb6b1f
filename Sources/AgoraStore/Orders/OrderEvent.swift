import Foundation

/// One entry of an order's history: who did what, when, with the changed values in `detail`.
public struct OrderEvent: Sendable, Hashable {
    /// What happened, as the history names it.
    public enum Kind: String, Sendable, Codable {
        case created, published, updated, cancelled, expired, awarded, routed, started, completed
        case proposalReceived = "proposal_received"
        case proposalCountered = "proposal_countered"
        case proposalRevised = "proposal_revised"
        case proposalWithdrawn = "proposal_withdrawn"
        case proposalRejected = "proposal_rejected"
        case fileAttached = "file_attached"
        case fileRemoved = "file_removed"
        case routeAdded = "route_added"
        case routeRemoved = "route_removed"
    }

    public let id: Int64
    public let kind: Kind
    /// The person who caused it; nil for the service itself (routing, expiry) or a deleted account.
    public let actorID: Int64?
    /// Values of the change, such as `{"fields": ["title"]}` or `{"proposal_id": 4}`.
    public let detail: [String: String]
    public let createdAt: Date
}
