import Foundation

/// What an acceptance changed, for its announcements.
public struct Acceptance: Sendable {
    public let order: Order
    public let proposal: Proposal
    public let project: Project
    public let provider: Recipient
    /// The providers whose live proposals were rejected by it.
    public let rejected: [Recipient]
}
