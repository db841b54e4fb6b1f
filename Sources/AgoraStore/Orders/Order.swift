import AgoraDomain
import Foundation

/// An order as stored: the client's details, where it stands, and its routing progress.
public struct Order: Sendable, Hashable {
    public let id: Int64
    public let referenceNumber: ReferenceNumber
    public let clientID: Int64
    public let details: OrderDetails
    public let status: OrderStatus
    /// The latest batch of providers it was offered to (0: not routed yet).
    public let routingBatch: Int
    public let routedAt: Date?
    public let publishedAt: Date?
    public let createdAt: Date
    public let updatedAt: Date
    /// Held by moderation: hidden from everyone but its client and staff until a moderator decides.
    public let moderationHold: Bool
}

/// An order with what its pages show beside it.
public struct OrderSummary: Sendable, Hashable {
    public let order: Order
    public let categoryName: String
    public let categorySlug: String
    /// Live and decided proposals, not counting withdrawn ones.
    public let proposalCount: Int
}
