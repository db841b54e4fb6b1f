/// Where a provider's profile stands. Only a published profile is public (searched, routed, on the site). Its first
/// publication waits for an administrator's review; a profile its owner took offline comes back without one.
public enum ProfileStatus: String, Sendable, Codable, CaseIterable {
    /// Being written; never published.
    case draft
    /// Its first publication waits for review.
    case pending
    /// Refused at its first review, with the reasons; publishing it again asks for another review.
    case rejected
    case published
    /// Taken offline by its owner after it was published.
    case unpublished

    /// Whether the public sees it.
    public var isPublic: Bool { self == .published }

    /// What publishing it leads to: a review until one was passed, then straight back online. Nil when it cannot
    /// be published from here (it is published or waiting already).
    public var publishing: ProfileStatus? {
        switch self {
        case .draft, .rejected: .pending
        case .unpublished: .published
        case .pending, .published: nil
        }
    }
}
