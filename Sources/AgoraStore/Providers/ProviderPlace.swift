import AgoraDomain
import Foundation

/// A published provider as the choice of similar providers reads it: its place in listings and its categories, in
/// the order its page lists them, with what names and dates its page.
public struct ProviderPlace: Sendable, Hashable {
    public let id: Int64
    public let slug: Slug
    /// The same as `ProviderProfile.updatedAt`.
    public let updatedAt: Date
    public let rank: ListingRank
    public let categorySlugs: [Slug]

    public init(id: Int64, slug: Slug, updatedAt: Date, rank: ListingRank, categorySlugs: [Slug]) {
        self.id = id
        self.slug = slug
        self.updatedAt = updatedAt
        self.rank = rank
        self.categorySlugs = categorySlugs
    }

    /// Whether it comes before `other` in listings (`ProviderRepository.ranking`).
    public func isRanked(before other: ProviderPlace) -> Bool {
        (rank.ratingBound, rank.ratingCount, id) > (other.rank.ratingBound, other.rank.ratingCount, other.id)
    }
}
