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

    static let fields: Set<String> = ["name", "slug", "description", "icon", "parent", "sort_order", "active"]

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        let group = admin.group("categories")
        group.get(use: tree)
        group.post(use: create)
        group.patch("{id}", use: update)
        group.put("{id}/providers/{providerId}", use: list)
        group.delete("{id}/providers/{providerId}", use: unlist)
    }

    private var repository: CategoryRepository { CategoryRepository(store: store) }

    @Sendable func tree(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        try JSONResponse.make(CategoryTreeBody(categories: try await CategoryNode.tree(of: store, forAdministrators: true)))
    }

    @Sendable func create(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        var body = try await JSONObjectBody.read(request, allowing: Self.fields)
        let tree = try await repository.tree()
        let name = body.string("name", maximumLength: 400) ?? ""
        let slugText = body.string("slug", required: false, maximumLength: 200)
        let description = body.string("description", required: false, maximumLength: 4_000) ?? ""
        let icon = body.string("icon", required: false, maximumLength: 200)
        let parent = try Self.parentID(&body, tree: tree)
        let sortOrder = body.integer("sort_order")
        let active = body.bool("active", default: true)
        try body.finish()
        let slug = try Self.slug(slugText, name: name)
        let siblings = tree.all.filter { $0.parentID == parent ?? nil }
        let draft = CategoryDraft(
            name: name, slug: slug, description: description, icon: icon,
            sortOrder: sortOrder ?? ((siblings.map(\.sortOrder).max() ?? -1) + 1), parentID: parent ?? nil, active: active
        )
        let created = try await repository.create(draft, now: clock.now)
        await dropCaches()
        guard let node = try await CategoryNode.tree(of: store, forAdministrators: true, only: created.id).first else { throw Self.notFound }
        return try JSONResponse.make(node, status: .created)
    }

    /// Changes the fields the body names; the others keep their values. `parent: null` moves the category to the top.
    @Sendable func update(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let id = try context.pathID("id", notFound: Self.notFound)
        let tree = try await repository.tree()
        guard let current = tree.category(id: id) else { throw Self.notFound }
        var body = try await JSONObjectBody.read(request, allowing: Self.fields)
        var draft = CategoryDraft(current)
        if let name = body.string("name", required: false, maximumLength: 400) { draft.name = name }
        let slugText = body.string("slug", required: false, maximumLength: 200)
        if let description = body.string("description", required: false, maximumLength: 4_000) { draft.description = description }
        if body.contains("icon") { draft.icon = body.string("icon", required: false, maximumLength: 200) }
        if let parent = try Self.parentID(&body, tree: tree) { draft.parentID = parent }
        if let order = body.integer("sort_order") { draft.sortOrder = order }
        draft.active = body.bool("active", default: current.active)
        try body.finish()
        if let slugText { draft.slug = try Slug(slugText) }
        guard let changed = try await repository.update(id, to: draft, now: clock.now) else { throw Self.notFound }
        await dropCaches()
        guard let node = try await CategoryNode.tree(of: store, forAdministrators: true, only: changed.id).first else { throw Self.notFound }
        return try JSONResponse.make(node)
    }

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        try await setListed(context, true)
    }

    @Sendable func unlist(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        try await setListed(context, false)
    }

    private func setListed(_ context: AgoraRequestContext, _ listed: Bool) async throws -> Response {
        let category = try context.pathID("id", notFound: Self.notListable)
        let provider = try context.pathID("providerId", notFound: Self.notListable)
        guard try await repository.setListed(providerID: provider, in: category, listed, now: clock.now) else {
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

    /// The `parent` field: a slug, or null for the top level; nil when the body does not name it.
    private static func parentID(_ body: inout JSONObjectBody, tree: CategoryTree) throws -> Int64?? {
        guard body.contains("parent") else { return nil }
        guard let text = body.string("parent", required: false, maximumLength: 200) else { return .some(nil) }
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
