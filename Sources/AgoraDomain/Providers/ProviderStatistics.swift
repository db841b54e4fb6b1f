/// A provider's track record, kept up to date as projects and reviews land.
public struct ProviderStatistics: Hashable, Sendable, Codable {
    /// Mean of all ratings, 1.0 to 5.0; meaningless when `ratingCount` is 0.
    public let ratingAverage: Double
    public let ratingCount: Int
    public let completedProjects: Int
    /// Share of accepted projects completed, 0.0 to 1.0.
    public let completionRate: Double
    /// Median minutes to first reply, when known.
    public let responseTimeMinutes: Int?

    public init(ratingAverage: Double, ratingCount: Int, completedProjects: Int, completionRate: Double, responseTimeMinutes: Int?) {
        self.ratingAverage = ratingAverage
        self.ratingCount = ratingCount
        self.completedProjects = completedProjects
        self.completionRate = completionRate
        self.responseTimeMinutes = responseTimeMinutes
    }

    public static let none = ProviderStatistics(ratingAverage: 0, ratingCount: 0, completedProjects: 0, completionRate: 0, responseTimeMinutes: nil)

    public var hasRatings: Bool { ratingCount > 0 }
}

extension ProviderStatistics {
    /// The record once one more of the provider's projects closed, `completed` or cancelled: one more completed
    /// project when it completed, and the completion rate over the projects closed so far (those the current rate
    /// was taken over, worked back from it, and this one).
    public func closingProject(completed: Bool) -> ProviderStatistics {
        let closedBefore = completionRate > 0 ? (Double(completedProjects) / completionRate).rounded() : Double(completedProjects)
        let completedNow = completedProjects + (completed ? 1 : 0)
        return ProviderStatistics(
            ratingAverage: ratingAverage, ratingCount: ratingCount, completedProjects: completedNow,
            completionRate: min(1, Double(completedNow) / (closedBefore + 1)), responseTimeMinutes: responseTimeMinutes
        )
    }
}
