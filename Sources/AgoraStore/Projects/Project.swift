import AgoraDomain
import Foundation

/// The project an accepted proposal became: where the client and the provider run the work.
public struct Project: Sendable, Hashable {
    public let id: Int64
    public let orderID: Int64
    public let proposalID: Int64
    public let clientID: Int64
    public let providerID: Int64
    public let title: String
    public let description: String
    public let status: ProjectStatus
    /// How the work is paid, as the accepted proposal said.
    public let billing: Billing
    /// The whole price of fixed-price work; the rate per hour of hourly work.
    public let agreedPrice: Money
    public let deadline: Date
    public let startedAt: Date
    public let completedAt: Date?
    public let cancelledAt: Date?
    /// When anything last happened in it (a step on a milestone, a message): what "quiet" is measured from.
    public let lastActivityAt: Date
    /// A member's request to cancel, waiting for the other's answer while the project runs; kept once it is
    /// cancelled, with the reason given.
    public let cancellation: ProjectCancellation?
    public let createdAt: Date
    public let updatedAt: Date

    /// When it completed or was cancelled; nil while it runs.
    public var closedAt: Date? { completedAt ?? cancelledAt }

    /// The side `userID` is on; nil for anyone else.
    public func role(of userID: Int64) -> ProjectRole? {
        if userID == clientID { return .client }
        if userID == providerID { return .provider }
        return nil
    }

    /// The member on a side.
    public func member(_ role: ProjectRole) -> Int64 {
        switch role {
        case .client: clientID
        case .provider: providerID
        }
    }
}
