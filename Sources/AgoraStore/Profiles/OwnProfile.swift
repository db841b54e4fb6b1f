import AgoraDomain
import Foundation

/// A provider's profile as its owner's editor sees it: the working copy (the newest saved version, which may be held
/// for review or a draft's), where the profile stands, and how complete it is.
public struct OwnProfile: Sendable, Hashable {
    public let userID: Int64
    public let slug: Slug
    public let status: ProfileStatus
    public let content: ProfileContent
    /// The photo, public at once (not part of a version).
    public let photo: ProfilePhoto?
    /// The number of the newest version; a save names it to show it started from there (0 before the first save).
    public let version: Int
    /// Why the newest version waits for an administrator, when it does (its content is not public yet).
    public let heldFor: [String]
    /// Why the first publication was refused, for a rejected profile.
    public let refusedFor: String
    public var completeness: ProfileCompleteness { ProfileCompleteness(content, hasPhoto: photo != nil) }
}

/// One saved version of a profile.
public struct ProfileVersion: Sendable, Hashable {
    /// What became of a version.
    public enum State: String, Sendable, CaseIterable {
        /// Saved while the profile was not public.
        case saved
        /// What the public saw from when it was saved or approved.
        case live
        /// Waits for an administrator.
        case held
        /// An administrator refused it; the public kept the version before.
        case rejected
        /// A newer save replaced it while it was held.
        case superseded
    }

    public let id: Int64
    public let number: Int
    public let content: ProfileContent
    public let changedFields: [String]
    public let state: State
    public let reviewReasons: [String]
    public let authorID: Int64
    public let createdAt: Date
}

/// A profile an administrator has to look at: a first publication, or a held change to a published profile.
public struct ProfileAwaitingReview: Sendable, Hashable {
    public let userID: Int64
    public let slug: Slug
    public let name: String
    public let firstPublication: Bool
    public let version: ProfileVersion
}
