import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `POST /api/views`: the beacon of providers' public pages — `{"provider": slug, "kind": "profile"|"portfolio"}`,
/// sent once a page is shown or a portfolio image opened. No cookie, no account, nothing about the visitor is
/// kept: a view adds one to the provider's count for the day, once per address and thing seen in half an hour
/// (`ViewDeduplication`); crawlers that run the script are not counted. Always `204` for a provider shown.
struct ProfileViewRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let recent = ViewDeduplication()

    struct ViewInput: RequestBody {
        static let fields: Set<String> = ["provider", "kind"]
        let provider: String?
        let kind: String?

        init(reading body: inout JSONObjectBody) {
            provider = body.string("provider", required: true, maximumLength: 200)
            kind = body.string("kind", required: true, maximumLength: 40)
        }
    }

    /// Words of the user agents of crawlers that run scripts.
    static let crawlers = ["bot", "crawl", "spider", "slurp", "preview"]

    func register(on api: RouterGroup<AgoraRequestContext>) {
        api.post("views", use: view)
    }

    static let notFound = Problem(status: .notFound, detail: "No published provider has this address.")

    @Sendable func view(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let input = try await request.decode(as: ViewInput.self, context: context)
        var errors: [FieldError] = []
        let provider = input.provider ?? ""
        if !QueryText.isSlugShaped(Substring(provider)) { errors.append(FieldError(field: "provider", message: "must be a provider's slug")) }
        let kind = FieldReading.choice(input.kind, field: "kind", default: ProfileViewKind.profile, errors: &errors)
        guard errors.isEmpty, let kind else { throw ValidationError(errors) }
        // Shaped like a slug but too long to be one: no provider has it.
        guard let slug = try? Slug(provider) else { throw Self.notFound }
        let agent = (request.headers[.userAgent] ?? "").lowercased()
        let now = clock.now
        if !Self.crawlers.contains(where: agent.contains),
           await recent.isNew(address: context.clientAddress, seeing: kind.rawValue + " " + slug.value, now: now) {
            guard try await ProfileViews(store: store).count(slug, kind: kind, now: now) else { throw Self.notFound }
        }
        return Response(status: .noContent, headers: [.cacheControl: "no-store"])
    }
}
