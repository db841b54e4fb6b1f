import AgoraDomain
import Foundation

/// Something about a project's reviews a party is told of. None of them carries the other party's review before it
/// is published: a party waiting for theirs learns only that it exists.
public struct ReviewEvent: Sendable {
    public enum Kind: Sendable, Hashable {
        /// The other party reviewed; the recipient has not yet (theirs publishes both).
        case otherPartyReviewed
        /// The recipient has not reviewed yet: the day after the project closed, or a few days before the window closes.
        case reminder
        /// The project's reviews are published (the recipient's, the other's, or both).
        case published
        /// The reviewee answered the recipient's review.
        case responded
        /// A moderator hid the recipient's review (`note`: why).
        case hidden
        /// A moderator removed the recipient's review for good (`note`: why).
        case removed
        /// A moderator decided the recipient's appeal: the review taken down, or kept (`note`: why).
        case appealDecided(upheld: Bool)
    }

    public let kind: Kind
    public let projectID: Int64
    public let projectTitle: String
    public let recipient: Recipient
    /// The other party's short name.
    public let otherParty: String
    public let windowClosesAt: Date
    /// The moderator's reason, for moderation's events.
    public let note: String?
}
