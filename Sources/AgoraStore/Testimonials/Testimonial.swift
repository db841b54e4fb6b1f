import AgoraDomain
import Foundation

/// A testimonial as stored.
public struct Testimonial: Sendable, Codable, Equatable {
    public let id: Int64
    public let userID: Int64?
    public let authorName: String
    public let authorRole: UserType
    public let content: String
    public let rating: Int
    public let status: TestimonialStatus
    public let featured: Bool
    public let createdAt: Date
}
