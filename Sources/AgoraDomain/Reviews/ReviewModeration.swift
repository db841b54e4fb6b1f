/// Why a member reports a published review.
public enum ReviewReportReason: String, Sendable, Codable, CaseIterable {
    case fake
    case offensive
    case privateInformation = "private_information"
    case offTopic = "off_topic"
    case conflictOfInterest = "conflict_of_interest"
    case other

    public var label: String {
        switch self {
        case .fake: "Not about real work"
        case .offensive: "Offensive or hateful"
        case .privateInformation: "Shares private information"
        case .offTopic: "Not about the work"
        case .conflictOfInterest: "Written by someone with an interest"
        case .other: "Something else"
        }
    }

    public static let noteLength = 0...1_000
}

/// Where a report or an appeal stands: open until a moderator decides, then upheld (the review was hidden or
/// removed) or not.
public enum ReviewClaimStatus: String, Sendable, Codable, CaseIterable {
    case open
    case upheld
    case dismissed
}

/// What a moderator does with a review in the queue. Each is audited with its reason; `step` is the review's status
/// change (none for `dismiss`, which closes the open reports and appeal and keeps the review as it is).
public enum ReviewModeration: String, Sendable, CaseIterable {
    /// Out of sight and out of the rating; its open reports and appeal are upheld.
    case hide
    /// A hidden review shown again.
    case restore
    /// A review held for its fraud signals published after all.
    case release
    /// Reports and appeal answered without a change.
    case dismiss
    /// Out of sight for good (unlawful content, private information): unlike a hidden review, never restored.
    case remove

    public var step: ReviewStatus.Step? {
        switch self {
        case .hide: .hide
        case .restore: .restore
        case .release: .release
        case .dismiss: nil
        case .remove: .remove
        }
    }

    /// How the open reports and appeal close.
    public var claims: ReviewClaimStatus {
        self == .hide || self == .remove ? .upheld : .dismissed
    }

    public static let reasonLength = 3...2_000

    /// What the decision does, in words.
    public var summary: String {
        switch self {
        case .hide: "hide a review from the public and from ratings, upholding its reports and appeal"
        case .restore: "show a hidden review again"
        case .release: "publish a review held for its fraud signals"
        case .dismiss: "close a review's reports and appeal without a change"
        case .remove: "remove a review for good (it can never be restored), upholding its reports and appeal"
        }
    }
}

/// The parts of the moderators' review queue.
public enum ReviewQueue: String, Sendable, CaseIterable {
    /// Held for their fraud signals.
    case held
    /// Published, with open reports.
    case reported
    /// Contested by their reviewee.
    case appealed
}

/// A reviewee's appeal against a review of them: why, in their words.
public enum ReviewAppeal {
    public static let reasonLength = 10...2_000
}
