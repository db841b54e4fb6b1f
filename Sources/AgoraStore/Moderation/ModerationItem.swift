import AgoraDomain
import Foundation

/// One piece of content in the moderation queue, with why it is there and what became of it.
public struct ModerationItem: Sendable, Hashable {
    public let id: Int64
    public let subject: ModerationSubject
    public let subjectID: Int64
    public let authorID: Int64?
    /// The content as it read when it last entered the queue (at most `ModeratedContent.excerptLength` characters).
    public let excerpt: String
    public let status: ModerationStatus
    /// In hundredths of a point.
    public let score: Int
    /// Whether the content is hidden from everyone but its author and staff.
    public let held: Bool
    public let claimedBy: Int64?
    public let claimedAt: Date?
    public let escalatedAt: Date?
    public let escalationReason: String
    public let decision: ModerationDecision?
    public let decisionReason: String
    public let decidedBy: Int64?
    public let decidedAt: Date?
    public let createdAt: Date
    public let updatedAt: Date

    /// Whether `staffID` may decide now: nobody holds the claim, or they do, or the claim ran out.
    public func isClaimable(by staffID: Int64, now: Date) -> Bool {
        guard let claimedBy, let claimedAt else { return true }
        return claimedBy == staffID || now.timeIntervalSince(claimedAt) >= ModerationRepository.claimLifetime
    }
}

/// A report or a filter's finding on an item.
public struct ModerationFlag: Sendable, Hashable {
    public let id: Int64
    public let kind: FlagKind
    public let reporterID: Int64?
    public let reason: String
    public let detail: String
    /// In hundredths of a point.
    public let weight: Int
    /// Whether the decision agreed with it (nil until decided).
    public let upheld: Bool?
    public let createdAt: Date
}

/// The author's appeal against a decision, heard by another moderator.
public struct ModerationAppeal: Sendable, Hashable {
    public let id: Int64
    public let appellantID: Int64?
    public let statement: String
    public let outcome: AppealOutcome?
    public let reason: String
    public let decidedBy: Int64?
    public let createdAt: Date
    public let decidedAt: Date?
}
