import AgoraStore
import Foundation
import Hummingbird

/// A testimonial as the API shows it. The public sees approved ones only, so `status` is given to moderators alone.
struct TestimonialBody: ResponseEncodable {
    let id: Int64
    let authorName: String
    let authorRole: String
    let content: String
    let rating: Int
    let status: String?
    let featured: Bool
    let createdAt: Date

    init(_ testimonial: Testimonial, showingStatus: Bool) {
        id = testimonial.id
        authorName = testimonial.authorName
        authorRole = testimonial.authorRole.rawValue
        content = testimonial.content
        rating = testimonial.rating
        status = showingStatus ? testimonial.status.rawValue : nil
        featured = testimonial.featured
        createdAt = testimonial.createdAt
    }

    /// For moderators and for the author who just wrote it.
    static func moderated(_ testimonial: Testimonial) -> TestimonialBody {
        TestimonialBody(testimonial, showingStatus: true)
    }
}

/// A list of testimonials.
struct TestimonialsBody: ResponseEncodable {
    let testimonials: [TestimonialBody]
}
