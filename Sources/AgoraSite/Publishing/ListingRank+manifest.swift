import AgoraStore

extension ListingRank {
    /// How the manifest keeps a provider's rank, to tell at the next build whether the provider moved in listings.
    var manifestText: String { "\(ratingBound) \(ratingCount)" }
}
