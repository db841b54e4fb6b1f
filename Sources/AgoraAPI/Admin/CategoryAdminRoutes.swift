import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/admin/categories`, for administrators: the whole tree (hidden categories too), creating, renaming,
/// moving, reordering and hiding categories, and listing providers in them. Each change drops the search caches;
/// the repository queues the pages it touches for the regeneration worker in the change's own transaction.
struct CategoryAdminRoutes: Sendable {
    let store: Store
    let catalog: SearchCatalog
    let clock: any AgoraClock

    /// A category's fields as an administrator sends them; an absent one keeps its value in a change.
    struct CategoryInput {
        static let fields: Set<String> = ["name", "slug", "description", "icon", "parent", "sort_order", "active"]

        let name: String?
        let slug: String?
        let description: String?
        /// Nil: not named; `.some(nil)`: cleared.
        let icon: String??
        /// Nil: not named; `.some(nil)`: the top level; else the parent's slug.
        let parent: String??
        let sortOrder: Int?
        let active: Bool?

        init(reading body: inout JSONObjectBody, requiringName: Bool) {
            name = body.string("name", required: requiringName, maximumLength: 400)
            slug = body.string("slug", required: false, maximumLength: 200)
            description = body.string("description", required: false, maximumLength: 4_000)
            icon = body.contains("icon") ? .some(body.string("icon", required: false, maximumLength: 200)) : nil
            parent = body.contains("parent") ? .some(body.string("parent", required: false, maximumLength: 200)) : nil
            sortOrder = body.integer("sort_order")
            active = body.contains("active") ? body.bool("active") : nil
        }
    }

    /// A new category: its name is required.
    struct NewCategoryInput: RequestBody {
        static let fields = CategoryInput.fields
        let category: CategoryInput

        init(reading body: inout JSONObjectBody) {
            category = CategoryInput(reading: &body, requiringName: true)
        }
    }

    /// Changes to a category: every field is optional.
    struct CategoryChanges: RequestBody {
        static let fields = CategoryInput.fields
        let category: CategoryInput

        init(reading body: inout JSONObjectBody) {
            category = CategoryInput(reading: &body, requiringName: false)
        }
    }

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        let group = AdminArea.categories.group(on: admin, store: store)
        group.get(use: tree)
        group.post(use: create)
        group.patch("{id}", use: update)
        group.put("{id}/providers/{providerId}", use: list)
        group.delete("{id}/providers/{providerId}", use: unlist)
    }

    private var repository: CategoryRepository { CategoryRepository(store: store) }

    @Sendable func tree(_ request: Request, context: AgoraRequestContext) async throws -> CategoryTreeBody {
        CategoryTreeBody(categories: try await CategoryNode.tree(of: store, forAdministrators: true))
    }

    @Sendable func create(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<CategoryNode> {
        let input = try await request.decode(as: NewCategoryInput.self, context: context).category
        let name = input.name ?? ""
        let tree = try await repository.tree()
        let parent = try Self.parentID(input.parent, tree: tree)
        let slug = try Self.slug(input.slug, name: name)
        let siblings = tree.all.filter { $0.parentID == parent ?? nil }
        let draft = CategoryDraft(
            name: name, slug: slug, description: input.description ?? "", icon: input.icon ?? nil,
            sortOrder: input.sortOrder ?? ((siblings.map(\.sortOrder).max() ?? -1) + 1), parentID: parent ?? nil,
            active: input.active ?? true
        )
        let created = try await repository.create(draft, by: try AuditActor(request, context), now: clock.now)
        await dropCaches()
        guard let node = try await CategoryNode.tree(of: store, forAdministrators: true, only: created.id).first else { throw Self.notFound }
        return EditedResponse(status: .created, response: node)
    }

    /// Changes the fields the body names; the others keep their values. `parent: null` moves the category to the top.
    @Sendable func update(_ request: Request, context: AgoraRequestContext) async throws -> CategoryNode {
        let id = try context.pathID("id", notFound: Self.notFound)
        let tree = try await repository.tree()
        guard let current = tree.category(id: id) else { throw Self.notFound }
        let input = try await request.decode(as: CategoryChanges.self, context: context).category
        var draft = CategoryDraft(current)
        if let name = input.name { draft.name = name }
        if let description = input.description { draft.description = description }
        if let icon = input.icon { draft.icon = icon }
        if let parent = try Self.parentID(input.parent, tree: tree) { draft.parentID = parent }
        if let order = input.sortOrder { draft.sortOrder = order }
        if let active = input.active { draft.active = active }
        if let slugText = input.slug { draft.slug = try Slug(slugText) }
        guard let changed = try await repository.update(id, to: draft, by: try AuditActor(request, context), now: clock.now) else {
            throw Self.notFound
        }
        await dropCaches()
        guard let node = try await CategoryNode.tree(of: store, forAdministrators: true, only: changed.id).first else { throw Self.notFound }
        return node
    }

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        try await setListed(request, context, true)
    }

    @Sendable func unlist(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        try await setListed(request, context, false)
    }

    private func setListed(_ request: Request, _ context: AgoraRequestContext, _ listed: Bool) async throws -> Response {
        let category = try context.pathID("id", notFound: Self.notListable)
        let provider = try context.pathID("providerId", notFound: Self.notListable)
        let actor = try AuditActor(request, context)
        guard try await repository.setListed(providerID: provider, in: category, listed, by: actor, now: clock.now) else {
            throw Self.notListable
        }
        await dropCaches()
        return Response(status: .noContent)
    }

    /// Searches read the categories: their caches go.
    private func dropCaches() async {
        await catalog.categoryTree.expire()
        await catalog.suggestions.expire()
    }

    /// The `parent` field's category: nil when the body does not name it, `.some(nil)` for the top level.
    private static func parentID(_ parent: String??, tree: CategoryTree) throws -> Int64?? {
        guard let parent else { return nil }
        guard let text = parent else { return .some(nil) }
        guard let slug = try? Slug(text, field: "parent"), let parent = tree.category(slug: slug) else {
            throw ValidationError(field: "parent", message: "is not the slug of a category")
        }
        return .some(parent.id)
    }

    private static func slug(_ text: String?, name: String) throws -> Slug {
        if let text { return try Slug(text) }
        guard let made = Slug.from(title: name) else { throw ValidationError(field: "slug", message: "is required when the name has no letters or digits") }
        return made
    }

    static let notFound = Problem(status: .notFound, detail: "No category has this id.")
    static let notListable = Problem(status: .notFound, detail: "No such category or provider.")
}
