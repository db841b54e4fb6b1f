import Foundation

/// One line of the audit log (`admin_actions`): who, acting as what, did which action to what, the change as the
/// fields before and after, why, and from where. Entries are only ever appended; each one's hash covers the
/// previous one's, so that a row edited or removed behind the service's back breaks the chain (`agora audit-log
/// verify`).
public struct AuditEntry: Sendable, Hashable {
    public let actorID: Int64
    /// The role the actor held when acting.
    public let actorRole: String
    public let action: AuditedAction
    public let target: AuditTarget
    public let targetID: Int64
    /// The changed fields before and after, as JSON objects (`{"status":"pending"}` → `{"status":"approved"}`).
    public let before: String
    public let after: String
    public let reason: String
    public let ipAddress: String
    public let userAgent: String
    public let requestID: String
    /// Whole milliseconds, so that the time hashed is the time either engine gives back.
    public let createdAt: Date

    public init(
        actorID: Int64, actorRole: String, action: AuditedAction, target: AuditTarget, targetID: Int64,
        before: [String: String], after: [String: String], reason: String = "", ipAddress: String, userAgent: String,
        requestID: String, createdAt: Date
    ) {
        self.init(
            actorID: actorID, actorRole: actorRole, action: action, target: target, targetID: targetID,
            before: Self.json(before), after: Self.json(after), reason: reason, ipAddress: ipAddress, userAgent: userAgent,
            requestID: requestID, createdAt: createdAt
        )
    }

    /// An entry as stored (the change already written as JSON).
    public init(
        actorID: Int64, actorRole: String, action: AuditedAction, target: AuditTarget, targetID: Int64,
        before: String, after: String, reason: String, ipAddress: String, userAgent: String, requestID: String, createdAt: Date
    ) {
        self.actorID = actorID
        self.actorRole = actorRole
        self.action = action
        self.target = target
        self.targetID = targetID
        self.before = before
        self.after = after
        self.reason = String(reason.prefix(1_000))
        self.ipAddress = String(ipAddress.prefix(64))
        self.userAgent = String(userAgent.prefix(512))
        self.requestID = String(requestID.prefix(64))
        self.createdAt = Date(timeIntervalSince1970: (createdAt.timeIntervalSince1970 * 1_000).rounded() / 1_000)
    }

    public var createdAtMilliseconds: Int64 { Int64((createdAt.timeIntervalSince1970 * 1_000).rounded()) }

    /// What the entry's hash covers: the previous entry's hash and every field, each on its own line as a JSON
    /// string, so that no field can borrow from its neighbour.
    public func chainText(previousHash: String) -> String {
        [
            previousHash, String(actorID), actorRole, action.rawValue, target.rawValue, String(targetID), before, after,
            reason, ipAddress, userAgent, requestID, String(createdAtMilliseconds),
        ].map(JSONString.literal).joined(separator: "\n")
    }

    /// The fields of `before` and `after` that differ, each side as it was: what an update's entry records.
    public static func changes(from before: [String: String], to after: [String: String]) -> (before: [String: String], after: [String: String]) {
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        return (before.filter { changed.contains($0.key) }, after.filter { changed.contains($0.key) })
    }

    /// The hash the first entry chains to.
    public static let firstPreviousHash = String(repeating: "0", count: 64)

    static func json(_ fields: [String: String]) -> String {
        "{" + fields.sorted { $0.key < $1.key }.map { JSONString.literal($0.key) + ":" + JSONString.literal($0.value) }.joined(separator: ",") + "}"
    }
}
