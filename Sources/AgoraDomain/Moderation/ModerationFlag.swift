/// Why an item is in the moderation queue: a member's report, or one of the automatic filters.
public enum FlagKind: String, Sendable, Codable, CaseIterable {
    case report
    /// A word or phrase of the blocked list (`moderation.blocked-words`).
    case blockedWords = "blocked-words"
    /// Several links, or a link through a URL shortener.
    case linkSpam = "link-spam"
    /// An address, a phone number or a messaging handle: a deal taken off the platform.
    case contactDetails = "contact-details"
    /// The same text posted again and again.
    case duplicateContent = "duplicate-content"
    /// More posts in an hour than people write.
    case abnormalRate = "abnormal-rate"
    /// The kind waits for approval before publication (`moderation.pre-approval`).
    case preApproval = "pre-approval"

    /// What a filter's flag adds to the item's score, in hundredths of a point (a report's weight depends on its
    /// reporter, `ModerationScore.reportWeight`). A pre-approval flag holds the item whatever its score.
    public var weight: Int {
        switch self {
        case .report: 0
        case .blockedWords, .contactDetails: 500
        case .linkSpam, .duplicateContent: 300
        case .abnormalRate: 200
        case .preApproval: 0
        }
    }
}

/// What a member says is wrong with what they report.
public enum ReportReason: String, Sendable, Codable, CaseIterable {
    case spam
    case fraud
    /// Asking to pay or talk outside the platform.
    case offPlatform = "off-platform"
    case abusive
    case inappropriate
    case copyright
    case other
}
