import Foundation

/// Who is acting and from where, handed to every change an administrator makes so that the change writes its own
/// audit entry in its own transaction (`AuditEntry`).
public struct AuditActor: Sendable, Hashable, Codable {
    public let userID: Int64
    public let role: String
    public let reason: String
    public let ipAddress: String
    public let userAgent: String
    public let requestID: String

    public init(userID: Int64, role: String, reason: String = "", ipAddress: String, userAgent: String, requestID: String) {
        self.userID = userID
        self.role = role
        self.reason = reason
        self.ipAddress = ipAddress
        self.userAgent = userAgent
        self.requestID = requestID
    }

    /// The same actor giving a reason, which the audit entry keeps.
    public func because(_ reason: String) -> AuditActor {
        AuditActor(userID: userID, role: role, reason: reason, ipAddress: ipAddress, userAgent: userAgent, requestID: requestID)
    }

    /// The entry of one action by this actor.
    public func entry(
        _ action: AuditedAction, on target: AuditTarget, id: Int64, before: [String: String], after: [String: String], at now: Date
    ) -> AuditEntry {
        AuditEntry(
            actorID: userID, actorRole: role, action: action, target: target, targetID: id, before: before, after: after,
            reason: reason, ipAddress: ipAddress, userAgent: userAgent, requestID: requestID, createdAt: now
        )
    }
}
