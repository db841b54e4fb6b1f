import Foundation

/// What suggests a review is not an honest account of real work. Each kind adds its points to the review's score;
/// a score at or above the hold threshold (`ReviewRules.holdThreshold`) keeps the review out of ratings and in the
/// moderation queue until a moderator decides.
public enum ReviewSignalKind: String, Sendable, Codable, CaseIterable {
    case sharedAddress = "shared_address"
    case sharedDevice = "shared_device"
    case newAccount = "new_account"
    case reciprocalRing = "reciprocal_ring"
    case burst
    case tinyProject = "tiny_project"
    case nearDuplicate = "near_duplicate"
    case extremeWithoutText = "extreme_without_text"

    public var points: Int {
        switch self {
        case .sharedAddress: 4
        case .sharedDevice, .reciprocalRing, .burst, .nearDuplicate: 3
        case .newAccount, .tinyProject, .extremeWithoutText: 1
        }
    }
}

/// One signal found, with the explanation a moderator reads.
public struct ReviewSignal: Sendable, Hashable, Codable {
    public let kind: ReviewSignalKind
    public let explanation: String

    public init(_ kind: ReviewSignalKind, _ explanation: String) {
        self.kind = kind
        self.explanation = explanation
    }

    public var points: Int { kind.points }
}

/// The facts about one review that the signals read, gathered by the store when it publishes the review.
public struct ReviewEvidence: Sendable, Hashable {
    public let rating: Int
    public let comment: String
    /// Addresses both the reviewer and the reviewee signed in from.
    public let sharedAddresses: [String]
    /// Whether both signed in with the same browser (user agent) that few other accounts use.
    public let sharedDevice: Bool
    /// How old the reviewer's account was when the review was written.
    public let reviewerAccountAge: TimeInterval
    /// The reviewer's earlier high ratings (4 or 5 stars) of the reviewee's side that were returned with high ratings
    /// by the same account, and how many distinct accounts the reviewer ever reviewed.
    public let reciprocalExchanges: Int
    public let reviewedAccounts: Int
    /// Reviews of the reviewee in the week before this one written by accounts younger than `newAccountAge`.
    public let recentReviewsFromNewAccounts: Int
    /// What the project was worth, in whole units of its currency.
    public let projectValue: Double
    /// The other reviews' comments this one is compared with (the reviewee's and the reviewer's latest).
    public let otherComments: [String]

    public init(
        rating: Int, comment: String, sharedAddresses: [String], sharedDevice: Bool, reviewerAccountAge: TimeInterval,
        reciprocalExchanges: Int, reviewedAccounts: Int, recentReviewsFromNewAccounts: Int, projectValue: Double, otherComments: [String]
    ) {
        self.rating = rating
        self.comment = comment
        self.sharedAddresses = sharedAddresses
        self.sharedDevice = sharedDevice
        self.reviewerAccountAge = reviewerAccountAge
        self.reciprocalExchanges = reciprocalExchanges
        self.reviewedAccounts = reviewedAccounts
        self.recentReviewsFromNewAccounts = recentReviewsFromNewAccounts
        self.projectValue = projectValue
        self.otherComments = otherComments
    }
}

/// The one reading of a review's evidence into signals.
public enum ReviewSignals {
    /// An account younger than this is new.
    public static let newAccountAge: TimeInterval = 7 * 86_400
    /// Reviews from new accounts in a week that make a burst.
    public static let burstSize = 3
    /// Mutual high ratings with one account, among few accounts reviewed, that make a ring.
    public static let ringExchanges = 2
    public static let ringAccounts = 3
    /// A project worth less than this (whole units) is tiny.
    public static let tinyProjectValue = 20.0
    /// A comment shorter than this says nothing.
    public static let meaningfulComment = 20

    public static func read(_ evidence: ReviewEvidence) -> [ReviewSignal] {
        var found: [ReviewSignal] = []
        if !evidence.sharedAddresses.isEmpty {
            found.append(ReviewSignal(.sharedAddress, "The reviewer and the reviewee signed in from the same address (\(evidence.sharedAddresses.prefix(3).joined(separator: ", ")))."))
        }
        if evidence.sharedDevice {
            found.append(ReviewSignal(.sharedDevice, "The reviewer and the reviewee signed in with the same uncommon browser."))
        }
        if evidence.reviewerAccountAge < newAccountAge {
            let days = max(0, Int(evidence.reviewerAccountAge / 86_400))
            found.append(ReviewSignal(.newAccount, "The reviewer's account was \(days == 0 ? "less than a day" : "\(days) day\(days == 1 ? "" : "s")") old."))
        }
        if evidence.rating >= 4, evidence.reciprocalExchanges >= ringExchanges, evidence.reviewedAccounts <= ringAccounts {
            found.append(ReviewSignal(.reciprocalRing, "The reviewer and the reviewee rated each other highly \(evidence.reciprocalExchanges) times before, and the reviewer has reviewed only \(evidence.reviewedAccounts) account\(evidence.reviewedAccounts == 1 ? "" : "s")."))
        }
        if evidence.recentReviewsFromNewAccounts >= burstSize {
            found.append(ReviewSignal(.burst, "The reviewee received \(evidence.recentReviewsFromNewAccounts) other reviews from new accounts in the past week."))
        }
        if evidence.projectValue < tinyProjectValue {
            found.append(ReviewSignal(.tinyProject, "The project was worth \(Int(evidence.projectValue)), less than \(Int(tinyProjectValue))."))
        }
        let shingles = TextShingles(evidence.comment)
        if let closest = evidence.otherComments.map({ shingles.similarity(to: TextShingles($0)) }).max(), closest >= TextShingles.nearDuplicate {
            found.append(ReviewSignal(.nearDuplicate, "The comment is \(Int((closest * 100).rounded())) % the same as another review's."))
        }
        if evidence.rating == 1 || evidence.rating == 5, evidence.comment.count < meaningfulComment {
            found.append(ReviewSignal(.extremeWithoutText, "\(evidence.rating) star\(evidence.rating == 1 ? "" : "s") with \(evidence.comment.isEmpty ? "no comment" : "almost no comment")."))
        }
        return found
    }

    public static func score(_ signals: [ReviewSignal]) -> Int { signals.reduce(0) { $0 + $1.points } }
}
