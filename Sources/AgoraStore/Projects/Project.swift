import AgoraDomain
import Foundation

/// The project an accepted proposal became.
public struct Project: Sendable, Hashable {
    public let id: Int64
    public let orderID: Int64
    public let proposalID: Int64
    public let clientID: Int64
    public let providerID: Int64
    public let title: String
    public let status: ProjectStatus
    public let agreedPrice: Money
    public let deadline: Date
    public let createdAt: Date
}
