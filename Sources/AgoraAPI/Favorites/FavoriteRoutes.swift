import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/favorites`: the providers the signed-in person marked. Adding and removing are idempotent.
struct FavoriteRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock

    struct FavoriteBody: Encodable {
        let provider: ProviderCardBody
        let addedAt: Date
    }

    struct ListBody: ResponseEncodable {
        let favorites: [FavoriteBody]
    }

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        let group = signedIn.group("favorites")
        group.get(use: list)
        group.put("{providerId}", use: add)
        group.delete("{providerId}", use: remove)
    }

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> ListBody {
        let owner = try context.requireIdentity().userID
        let favorites = try await FavoriteRepository(store: store).list(userID: owner)
        let prior = try await ReviewRepository(store: store).ratingPrior()
        return ListBody(favorites: favorites.map { FavoriteBody(provider: ProviderCardBody($0.provider, prior: prior), addedAt: $0.addedAt) })
    }

    @Sendable func add(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let owner = try context.requireIdentity().userID
        guard try await FavoriteRepository(store: store).add(providerID: try Self.providerID(context), userID: owner, now: clock.now) else {
            throw Self.notFound
        }
        return Response(status: .noContent)
    }

    @Sendable func remove(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let owner = try context.requireIdentity().userID
        _ = try await FavoriteRepository(store: store).remove(providerID: try Self.providerID(context), userID: owner)
        return Response(status: .noContent)
    }

    static let notFound = Problem(status: .notFound, detail: "No provider has this id.")

    static func providerID(_ context: AgoraRequestContext) throws -> Int64 {
        try context.pathID("providerId", notFound: notFound)
    }
}
