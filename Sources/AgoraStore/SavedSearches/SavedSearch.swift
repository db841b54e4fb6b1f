import Foundation

/// A search someone saved, as stored.
public struct SavedSearch: Hashable, Sendable, Codable {
    public let id: Int64
    public let userID: Int64
    public let name: String
    /// The search's parameters as a query string (see `SavedSearchForm`).
    public let query: String
    public let alert: Bool
    /// New providers since this moment are what the next alert reports.
    public let alertCheckedAt: Date
    public let createdAt: Date
    public let updatedAt: Date
}
