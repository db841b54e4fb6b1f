import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/search/saved`: the signed-in person's saved searches. Another account's search answers 404, the same
/// as one that does not exist.
struct SavedSearchRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock

    struct SavedSearchBody: Encodable {
        let id: Int64
        let name: String
        let query: String
        /// The search page showing this search.
        let url: String
        let alert: Bool
        let createdAt: Date
        let updatedAt: Date

        init(_ saved: SavedSearch) {
            id = saved.id
            name = saved.name
            query = saved.query
            url = PagePaths.search(query: saved.query)
            alert = saved.alert
            createdAt = saved.createdAt
            updatedAt = saved.updatedAt
        }
    }

    struct ListBody: Encodable {
        let savedSearches: [SavedSearchBody]
    }

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        let group = signedIn.group("search/saved")
        group.get(use: list)
        group.post(use: create)
        group.get("{id}", use: show)
        group.patch("{id}", use: update)
        group.delete("{id}", use: delete)
    }

    private var repository: SavedSearchRepository { SavedSearchRepository(store: store) }

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let owner = try context.requireIdentity().userID
        return try JSONResponse.make(ListBody(savedSearches: try await repository.list(userID: owner).map(SavedSearchBody.init)))
    }

    @Sendable func create(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let owner = try context.requireIdentity().userID
        var body = try await JSONObjectBody.read(request, allowing: ["name", "query", "alert"])
        let name = body.string("name", required: false, maximumLength: 400)
        let query = body.string("query", required: false, maximumLength: 2_000)
        let alert = body.bool("alert")
        try body.finish()
        let saved = try await repository.insert(try SavedSearchForm(name: name, query: query ?? "", alert: alert), userID: owner, now: clock.now)
        return try JSONResponse.make(SavedSearchBody(saved), status: .created)
    }

    @Sendable func show(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let owner = try context.requireIdentity().userID
        guard let saved = try await repository.find(try Self.id(context), userID: owner) else { throw Self.notFound }
        return try JSONResponse.make(SavedSearchBody(saved))
    }

    /// Changes any of `name`, `query` and `alert`; the others keep their values.
    @Sendable func update(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let owner = try context.requireIdentity().userID
        let id = try Self.id(context)
        guard let current = try await repository.find(id, userID: owner) else { throw Self.notFound }
        var body = try await JSONObjectBody.read(request, allowing: ["name", "query", "alert"])
        let name = body.string("name", required: false, maximumLength: 400) ?? current.name
        let query = body.string("query", required: false, maximumLength: 2_000) ?? current.query
        let alert = body.bool("alert", default: current.alert)
        try body.finish()
        let form = try SavedSearchForm(name: name, query: query, alert: alert)
        guard let saved = try await repository.update(id, userID: owner, with: form, now: clock.now) else { throw Self.notFound }
        return try JSONResponse.make(SavedSearchBody(saved))
    }

    @Sendable func delete(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let owner = try context.requireIdentity().userID
        guard try await repository.delete(try Self.id(context), userID: owner) else { throw Self.notFound }
        return Response(status: .noContent)
    }

    static let notFound = Problem(status: .notFound, detail: "No saved search of yours has this id.")

    static func id(_ context: AgoraRequestContext) throws -> Int64 {
        try context.pathID("id", notFound: notFound)
    }
}
