import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `POST /api/testimonials`: a signed-in person writes about the marketplace; it waits for moderation.
/// `/api/admin/testimonials`: moderators list, approve, reject and feature them.
struct TestimonialRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock

    func register(signedIn: RouterGroup<AgoraRequestContext>, admin: RouterGroup<AgoraRequestContext>) {
        signedIn.post("testimonials", use: submit)
        let moderation = admin.group("testimonials")
        moderation.get(use: list)
        moderation.post("{id}/approve", use: approve)
        moderation.post("{id}/reject", use: reject)
        moderation.put("{id}/featured", use: feature)
    }

    private var repository: TestimonialRepository { TestimonialRepository(store: store) }

    @Sendable func submit(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        var body = try await JSONObjectBody.read(request, allowing: ["content", "rating"])
        let content = body.string("content", required: false, maximumLength: 2_000)
        let rating = body.integer("rating")
        try body.finish()
        let form = try TestimonialForm(content: content, rating: rating)
        guard let author = try await UserRepository(store: store).find(id: identity.userID) else { throw Problem.unauthenticated }
        let stored = try await repository.submit(form, author: author, now: clock.now)
        return try JSONResponse.make(TestimonialBody.moderated(stored), status: .created)
    }

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        var status = TestimonialStatus.pending
        for (name, value) in try QueryParameters.pairs(of: request) {
            guard name == "status", let chosen = TestimonialStatus(rawValue: value) else {
                throw Problem.invalidQuery([FieldError(
                    field: String(name.prefix(60)),
                    message: name == "status" ? "must be one of \(TestimonialStatus.allCases.map(\.rawValue).joined(separator: ", "))" : "is not a parameter of this list"
                )])
            }
            status = chosen
        }
        return try JSONResponse.make(TestimonialsBody(testimonials: try await repository.list(status: status, limit: 200).map(TestimonialBody.moderated)))
    }

    @Sendable func approve(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        try await moderate(context, to: .approved)
    }

    @Sendable func reject(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        try await moderate(context, to: .rejected)
    }

    private func moderate(_ context: AgoraRequestContext, to status: TestimonialStatus) async throws -> Response {
        do {
            guard let moved = try await repository.moderate(try Self.id(context), to: status, now: clock.now) else { throw Self.notFound }
            return try JSONResponse.make(TestimonialBody.moderated(moved))
        } catch let invalid as ValidationError {
            throw Problem(status: .conflict, detail: invalid.errors.first?.message, type: .invalidTransition)
        }
    }

    @Sendable func feature(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let id = try Self.id(context)
        var body = try await JSONObjectBody.read(request, allowing: ["featured"])
        let featured = body.bool("featured")
        try body.finish()
        guard let changed = try await repository.setFeatured(id, featured, now: clock.now) else { throw Self.notFound }
        return try JSONResponse.make(TestimonialBody.moderated(changed))
    }

    static let notFound = Problem(status: .notFound, detail: "No testimonial has this id.")

    static func id(_ context: AgoraRequestContext) throws -> Int64 {
        try context.pathID("id", notFound: notFound)
    }
}
