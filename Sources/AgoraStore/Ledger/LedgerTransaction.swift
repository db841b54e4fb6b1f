import AgoraDomain
import Foundation

/// A transaction as the ledger wrote it: the draft it was made from, its id, time and hash.
public struct LedgerTransaction: Sendable, Hashable {
    public let id: Int64
    public let draft: LedgerTransactionDraft
    public let createdAt: Date
    public let hash: String
    /// True when the idempotency key had written it already, and this is that first answer again.
    public let replayed: Bool
}

/// What `Ledger.verify` found: how much it read, and every difference (empty when the ledger is sound).
public struct LedgerVerification: Sendable, Equatable {
    public let transactions: Int
    public let entries: Int
    public let problems: [String]

    public var isSound: Bool { problems.isEmpty }
}
