import Foundation

/// The marketplace's public figures: what the homepage shows and the daily history keeps.
public struct MarketplaceStatistics: Sendable, Codable, Equatable {
    public struct Country: Sendable, Codable, Equatable {
        public let code: String
        public let providers: Int
        public let clients: Int
    }

    /// Public providers.
    public let providers: Int
    /// Clients with a confirmed address.
    public let clients: Int
    public let completedProjects: Int
    /// Completed projects out of all accepted ones, 0 to 1.
    public let completionRate: Double
    /// Per country, most providers first.
    public let countries: [Country]
}
