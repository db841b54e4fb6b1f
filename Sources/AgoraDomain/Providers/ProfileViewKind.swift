/// What a visitor looked at on a provider's public page, as the page's beacon reports it and the provider's
/// dashboard counts it per day.
public enum ProfileViewKind: String, Sendable, CaseIterable, Codable {
    /// The page itself.
    case profile
    /// An image of the portfolio opened in the lightbox.
    case portfolio
}

/// The views of one provider's page on one UTC day.
public struct ProfileViewDay: Hashable, Sendable {
    /// `YYYY-MM-DD`, UTC.
    public let day: String
    public let views: [ProfileViewKind: Int]

    public init(day: String, views: [ProfileViewKind: Int]) {
        self.day = day
        self.views = views
    }
}
