import Foundation

/// An offer of an order to a provider, by routing or by an administrator, with what became of it.
public struct OrderRoute: Sendable, Hashable {
    public enum Source: String, Sendable {
        /// Chosen by routing.
        case matched
        /// Added by an administrator.
        case admin
        /// Chosen by the client (Quick request on a provider's card).
        case client
    }

    public let orderID: Int64
    public let providerID: Int64
    public let providerName: String
    public let batch: Int
    public let source: Source
    public let score: Double
    public let reason: String
    public let offeredAt: Date
    public let viewedAt: Date?
    public let expiredAt: Date?
    public let removedAt: Date?
    /// The provider's proposal on the order, in any status.
    public let proposalID: Int64?
}

/// How one batch of an order's routing went.
public struct RoutingBatchFigures: Sendable, Hashable {
    public let batch: Int
    public let offered: Int
    public let viewed: Int
    public let proposals: Int
}

/// An order in a provider's inbox: offered to them, or one they proposed on.
public struct InboxEntry: Sendable, Hashable {
    public let summary: OrderSummary
    public let offeredAt: Date?
    public let reason: String?
    public let viewedAt: Date?
    public let proposalID: Int64?
    public let proposalStatus: String?
}
