import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/search/saved`: the signed-in person's saved searches. Another account's search answers 404, the same
/// as one that does not exist.
struct SavedSearchRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock

    struct SavedSearchBody: ResponseEncodable {
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

    struct ListBody: ResponseEncodable {
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

    /// A saved search's fields; an absent one keeps its value in a change.
    struct SavedSearchInput: RequestBody {
        static let fields: Set<String> = ["name", "query", "alert"]
        let name: String?
        let query: String?
        let alert: Bool?

        init(reading body: inout JSONObjectBody) {
            name = body.string("name", required: false, maximumLength: 400)
            query = body.string("query", required: false, maximumLength: 2_000)
            alert = body.contains("alert") ? body.bool("alert") : nil
        }
    }

    private var repository: SavedSearchRepository { SavedSearchRepository(store: store) }

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> ListBody {
        let owner = try context.requireIdentity().userID
        return ListBody(savedSearches: try await repository.list(userID: owner).map(SavedSearchBody.init))
    }

    @Sendable func create(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<SavedSearchBody> {
        let owner = try context.requireIdentity().userID
        let input = try await request.decode(as: SavedSearchInput.self, context: context)
        let form = try SavedSearchForm(name: input.name, query: input.query ?? "", alert: input.alert ?? false)
        let saved = try await repository.insert(form, userID: owner, now: clock.now)
        return EditedResponse(status: .created, response: SavedSearchBody(saved))
    }

    @Sendable func show(_ request: Request, context: AgoraRequestContext) async throws -> SavedSearchBody {
        let owner = try context.requireIdentity().userID
        guard let saved = try await repository.find(try Self.id(context), userID: owner) else { throw Self.notFound }
        return SavedSearchBody(saved)
    }

    /// Changes any of `name`, `query` and `alert`; the others keep their values.
    @Sendable func update(_ request: Request, context: AgoraRequestContext) async throws -> SavedSearchBody {
        let owner = try context.requireIdentity().userID
        let id = try Self.id(context)
        guard let current = try await repository.find(id, userID: owner) else { throw Self.notFound }
        let input = try await request.decode(as: SavedSearchInput.self, context: context)
        let form = try SavedSearchForm(name: input.name ?? current.name, query: input.query ?? current.query, alert: input.alert ?? current.alert)
        guard let saved = try await repository.update(id, userID: owner, with: form, now: clock.now) else { throw Self.notFound }
        return SavedSearchBody(saved)
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
