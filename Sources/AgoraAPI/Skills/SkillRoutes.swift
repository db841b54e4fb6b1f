import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The catalogue of skills: `GET /api/skills?q=sw&categories=web-development,mobile-development` suggests skills
/// as a provider types (those of their categories first; public, cached for an hour), and staff with
/// `categories.edit` list, add and remove them under `/api/admin/skills` (audited).
struct SkillRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock

    static let cacheControl = "public, max-age=3600"
    static let maximumSuggestions = 12
    /// The most categories a suggestion names.
    static let maximumCategories = 6

    struct SuggestionsBody: ResponseEncodable {
        let skills: [String]
    }

    struct SkillBody: ResponseEncodable {
        let id: Int64
        let name: String
        let categories: [String]

        init(_ skill: Skill) {
            id = skill.id
            name = skill.name
            categories = skill.categorySlugs.map(\.value)
        }
    }

    struct ListBody: ResponseEncodable {
        let skills: [SkillBody]
        let maximumFreeSkills: Int
    }

    struct NewSkillInput: RequestBody {
        static let fields: Set<String> = ["name", "categories"]
        let name: String?
        let categories: [String]?

        init(reading body: inout JSONObjectBody) {
            name = body.string("name", required: true, maximumLength: 1_000)
            categories = body.strings("categories", maximumCount: 50, maximumLength: 200)
        }
    }

    func register(api: RouterGroup<AgoraRequestContext>, admin: RouterGroup<AgoraRequestContext>) {
        api.get("skills", use: suggest)
        let group = AdminArea.skills.group(on: admin, store: store)
        group.get(use: list)
        group.post(use: add)
        group.delete("{id}", use: remove)
    }

    @Sendable func suggest(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<SuggestionsBody> {
        var errors: [FieldError] = []
        var prefix = ""
        var categories: [Slug] = []
        for (name, value) in request.uri.queryParameters {
            switch String(name) {
            case "q":
                prefix = String(value)
                if prefix.unicodeScalars.count > ProfileContent.skillLength.upperBound {
                    errors.append(FieldError(field: "q", message: "must be at most \(ProfileContent.skillLength.upperBound) characters"))
                }
            case "categories":
                // Any slug-shaped name is taken; one too long to be a category's simply names none.
                let parts = value.split(separator: ",", omittingEmptySubsequences: false)
                if parts.count > Self.maximumCategories || !parts.allSatisfy(QueryText.isSlugShaped) {
                    errors.append(FieldError(field: "categories", message: "must be at most \(Self.maximumCategories) category slugs separated by commas"))
                } else {
                    categories = parts.compactMap { try? Slug(String($0)) }
                }
            default: errors.append(FieldError(field: String(name.prefix(60)), message: "is not a parameter of this search"))
            }
        }
        guard errors.isEmpty else { throw Problem.invalidQuery(errors) }
        let skills = try await SkillCatalogue(store: store).suggestions(prefix: prefix, categories: categories, limit: Self.maximumSuggestions)
        return EditedResponse(headers: [.cacheControl: Self.cacheControl], response: SuggestionsBody(skills: skills))
    }

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> ListBody {
        ListBody(skills: try await SkillCatalogue(store: store).all().map(SkillBody.init), maximumFreeSkills: SkillChoice.maximumFreeSkills)
    }

    @Sendable func add(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<SkillBody> {
        let input = try await request.decode(as: NewSkillInput.self, context: context)
        var errors: [FieldError] = []
        let name = FieldReading.text(input.name, field: "name", length: Skill.nameLength, multiline: false, errors: &errors)
        var categories: [Slug] = []
        for (index, text) in (input.categories ?? []).enumerated() {
            if let slug = try? Slug(text) { categories.append(slug) } else {
                errors.append(FieldError(field: "categories[\(index)]", message: "must be a category's slug"))
            }
        }
        guard errors.isEmpty, let name else { throw ValidationError(errors) }
        let added = try await SkillCatalogue(store: store).add(name: name, categories: categories, by: try AuditActor(request, context), now: clock.now)
        return EditedResponse(status: .created, response: SkillBody(added))
    }

    @Sendable func remove(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let id = try context.pathID("id", notFound: Problem(status: .notFound, detail: "No skill of the catalogue has this id."))
        _ = try await SkillCatalogue(store: store).remove(id, by: try AuditActor(request, context), now: clock.now)
        return Response(status: .noContent)
    }
}
