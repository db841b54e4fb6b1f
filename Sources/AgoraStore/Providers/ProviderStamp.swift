import AgoraDomain
import Foundation

/// The few fields of a provider that tell whether the public page must be made again: every write to the
/// profile or its lists moves `user_profiles.updated_at`, every change of the record moves
/// `user_statistics.updated_at`.
public struct ProviderStamp: Sendable, Hashable {
    public let id: Int64
    public let slug: Slug
    /// The later of the two `updated_at`s; the same as `ProviderProfile.updatedAt`.
    public let updatedAt: Date
    public let categorySlugs: [Slug]

    init(id: Int64, slug: Slug, updatedAt: Date, categorySlugs: [Slug]) {
        self.id = id
        self.slug = slug
        self.updatedAt = updatedAt
        self.categorySlugs = categorySlugs
    }

    /// The stamp of a provider already loaded.
    public init(_ profile: ProviderProfile) {
        self.init(id: profile.id, slug: profile.slug, updatedAt: profile.updatedAt, categorySlugs: profile.categorySlugs)
    }
}

/// A provider's place in a listing: its id and when its page last changed.
public struct RankedProvider: Sendable, Hashable {
    public let id: Int64
    /// The same as `ProviderProfile.updatedAt`.
    public let updatedAt: Date
}
