import AgoraDomain
import Foundation

/// A suspension or ban as stored: in force until `endsAt` (never for a ban) unless lifted.
public struct UserSuspension: Sendable, Hashable {
    public let id: Int64
    public let userID: Int64
    public let kind: SuspensionKind
    public let reason: String
    public let startsAt: Date
    public let endsAt: Date?
    public let decidedBy: Int64
    public let liftedAt: Date?
    /// Nil when it ran out by itself.
    public let liftedBy: Int64?
    public let liftReason: String
    /// The bulk operation that opened it, if one did.
    public let bulkOperationID: Int64?

    public func isInForce(at now: Date) -> Bool {
        liftedAt == nil && (endsAt.map { $0 > now } ?? true)
    }
}
