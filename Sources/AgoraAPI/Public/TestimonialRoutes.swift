import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `POST /api/testimonials`: a signed-in person writes about the marketplace; it waits for moderation.
/// `/api/admin/testimonials`: moderators list, approve, reject and feature them.
struct TestimonialRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock

    struct TestimonialInput: RequestBody {
        static let fields: Set<String> = ["content", "rating"]
        let content: String?
        let rating: Int?

        init(reading body: inout JSONObjectBody) {
            content = body.string("content", required: false, maximumLength: 2_000, multiline: true)
            rating = body.integer("rating")
        }
    }

    struct FeaturedInput: RequestBody {
        static let fields: Set<String> = ["featured"]
        let featured: Bool

        init(reading body: inout JSONObjectBody) {
            featured = body.bool("featured")
        }
    }

    func register(signedIn: RouterGroup<AgoraRequestContext>, admin: RouterGroup<AgoraRequestContext>) {
        signedIn.post("testimonials", use: submit)
        let moderation = AdminArea.testimonials.group(on: admin, store: store)
        moderation.get(use: list)
        moderation.post("{id}/approve", use: approve)
        moderation.post("{id}/reject", use: reject)
        moderation.put("{id}/featured", use: feature)
    }

    private var repository: TestimonialRepository { TestimonialRepository(store: store) }

    @Sendable func submit(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<TestimonialBody> {
        let identity = try context.requireIdentity()
        let input = try await request.decode(as: TestimonialInput.self, context: context)
        let form = try TestimonialForm(content: input.content, rating: input.rating)
        guard let author = try await UserRepository(store: store).find(id: identity.userID) else { throw Problem.unauthenticated }
        let stored = try await repository.submit(form, author: author, now: clock.now)
        return EditedResponse(status: .created, response: TestimonialBody.moderated(stored))
    }

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> TestimonialsBody {
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
        return TestimonialsBody(testimonials: try await repository.list(status: status, limit: 200).map(TestimonialBody.moderated))
    }

    @Sendable func approve(_ request: Request, context: AgoraRequestContext) async throws -> TestimonialBody {
        try await moderate(request, context, to: .approved)
    }

    @Sendable func reject(_ request: Request, context: AgoraRequestContext) async throws -> TestimonialBody {
        try await moderate(request, context, to: .rejected)
    }

    private func moderate(_ request: Request, _ context: AgoraRequestContext, to status: TestimonialStatus) async throws -> TestimonialBody {
        do {
            let actor = try AuditActor(request, context)
            guard let moved = try await repository.moderate(try Self.id(context), to: status, by: actor, now: clock.now) else { throw Self.notFound }
            return TestimonialBody.moderated(moved)
        } catch let invalid as ValidationError {
            throw Problem(status: .conflict, detail: invalid.errors.first?.message, type: .invalidTransition)
        }
    }

    @Sendable func feature(_ request: Request, context: AgoraRequestContext) async throws -> TestimonialBody {
        let id = try Self.id(context)
        let input = try await request.decode(as: FeaturedInput.self, context: context)
        guard let changed = try await repository.setFeatured(id, input.featured, by: try AuditActor(request, context), now: clock.now) else {
            throw Self.notFound
        }
        return TestimonialBody.moderated(changed)
    }

    static let notFound = Problem(status: .notFound, detail: "No testimonial has this id.")

    static func id(_ context: AgoraRequestContext) throws -> Int64 {
        try context.pathID("id", notFound: notFound)
    }
}
