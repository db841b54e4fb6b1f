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
    /// What places the provider in listings, besides the id.
    public let rank: ListingRank

    init(id: Int64, slug: Slug, updatedAt: Date, categorySlugs: [Slug], rank: ListingRank) {
        self.id = id
        self.slug = slug
        self.updatedAt = updatedAt
        self.categorySlugs = categorySlugs
        self.rank = rank
    }

    /// The stamp of a provider already loaded.
    public init(_ profile: ProviderProfile) {
        self.init(
            id: profile.id, slug: profile.slug, updatedAt: profile.updatedAt, categorySlugs: profile.categorySlugs,
            rank: ListingRank(profile.statistics)
        )
    }
}

/// What orders providers in listings (`ProviderRepository.ranking`): best rated first (the Wilson bound,
/// `ProviderStatistics.ratingBound`), then the most ratings; ties go to the newest account. Two providers' places
/// compare by their ranks, then their ids.
public struct ListingRank: Sendable, Hashable {
    public let ratingBound: Double
    public let ratingCount: Int

    public init(ratingBound: Double, ratingCount: Int) {
        self.ratingBound = ratingBound
        self.ratingCount = ratingCount
    }

    public init(_ statistics: ProviderStatistics) {
        self.init(ratingBound: statistics.ratingBound, ratingCount: statistics.ratingCount)
    }
}

/// A provider's place in a listing: its id and when its page last changed.
public struct RankedProvider: Sendable, Hashable {
    public let id: Int64
    /// The same as `ProviderProfile.updatedAt`.
    public let updatedAt: Date

    public init(id: Int64, updatedAt: Date) {
        self.id = id
        self.updatedAt = updatedAt
    }
}
