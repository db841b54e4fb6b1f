import AgoraDomain
import Foundation

/// A bulk operation as stored: what it does and why, the filter it was started from, and how far it got.
public struct BulkOperation: Sendable, Hashable {
    public let id: Int64
    public let request: BulkOperationRequest
    /// The users page's query string the accounts were chosen by (`type=provider&country=DE`).
    public let filter: String
    public let status: BulkOperationStatus
    /// Accounts chosen when it started.
    public let total: Int
    public let changed: Int
    /// Accounts the action no longer applied to when their turn came.
    public let skipped: Int
    /// Accounts an undo put back.
    public let reverted: Int
    /// Accounts already back when the undo came to them.
    public let revertSkipped: Int
    public let startedBy: AuditActor
    public let undoneBy: AuditActor?
    public let createdAt: Date
    public let finishedAt: Date?
    public let undoneAt: Date?
    /// The last chunk's failure, if the last attempt failed; it is tried again when its claim runs out.
    public let lastError: String

    /// Whether the operation can still be undone: it is finished, its action allows it, and it changed accounts.
    public var canBeUndone: Bool { status == .completed && request.action.undoable && changed > 0 }
}

/// What a bulk operation would do before it starts: the accounts the filter matches, those the action applies to,
/// and a few of them.
public struct BulkPreview: Sendable, Hashable {
    public let matching: Int
    public let applicable: Int
    public let sample: [UserAccount]
}

/// An email a bulk operation sends one account: kept out (with the suspension), or let back in.
public enum AccountNotice: Sendable, Hashable {
    case keptOut(UserSuspension)
    case letBackIn
}
