import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// `/api/portfolio`: a provider's own portfolio — list, create, read, change (publish, take back to draft), delete
/// and reorder items. Every route is the signed-in provider's own; another provider's item is a 404, other accounts
/// are refused (403).
struct PortfolioRoutes: Sendable {
    let store: Store
    let media: MediaStorage
    let settings: LivePlatformSettings
    let clock: any AgoraClock

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.get("portfolio", use: list)
        signedIn.post("portfolio", use: create)
        signedIn.put("portfolio/order", use: reorder)
        signedIn.get("portfolio/{id}", use: show)
        signedIn.patch("portfolio/{id}", use: change)
        signedIn.delete("portfolio/{id}", use: remove)
    }

    private var portfolio: PortfolioRepository { PortfolioRepository(store: store) }
    static let notFound = Problem(status: .notFound, detail: "Your portfolio has no item with this id.")

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> PortfolioBody {
        PortfolioBody(items: try await portfolio.list(try ProfileRoutes.provider(context)).map { PortfolioItemBody($0, forOwner: true) })
    }

    @Sendable func create(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<PortfolioItemBody> {
        let providerID = try ProfileRoutes.provider(context)
        let input = try await request.decode(as: PortfolioInput.self, context: context)
        guard input.status == nil else { throw ValidationError(field: "status", message: "is set by a change: a new item is a draft") }
        let content = try PortfolioContent(input.forNewItem, now: clock.now)
        return PortfolioItemBody.created(try await portfolio.create(providerID, content, now: clock.now))
    }

    @Sendable func show(_ request: Request, context: AgoraRequestContext) async throws -> PortfolioItemBody {
        let providerID = try ProfileRoutes.provider(context)
        return PortfolioItemBody(try await portfolio.find(try context.pathID("id", notFound: Self.notFound), providerID: providerID), forOwner: true)
    }

    @Sendable func change(_ request: Request, context: AgoraRequestContext) async throws -> PortfolioItemBody {
        let providerID = try ProfileRoutes.provider(context)
        let id = try context.pathID("id", notFound: Self.notFound)
        let input = try await request.decode(as: PortfolioInput.self, context: context)
        let current = try await portfolio.find(id, providerID: providerID)
        var errors: [FieldError] = []
        var content = current.content
        do {
            content = try PortfolioContent(input.applied(to: current.content), now: clock.now)
        } catch let invalid as ValidationError {
            errors += invalid.errors
        }
        var status: PortfolioStatus?
        do {
            status = try input.requestedStatus()
        } catch let invalid as ValidationError {
            errors += invalid.errors
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
        let intake = ContentIntake(.portfolio, text: content.screenedText, settings: settings.current)
        return PortfolioItemBody(try await portfolio.update(id, providerID: providerID, content, status: status, intake: intake, now: clock.now), forOwner: true)
    }

    @Sendable func remove(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let providerID = try ProfileRoutes.provider(context)
        let keys = try await portfolio.delete(try context.pathID("id", notFound: Self.notFound), providerID: providerID, now: clock.now)
        for key in keys { media.remove(PortfolioImage.self, key: key) }
        return Response(status: .noContent)
    }

    @Sendable func reorder(_ request: Request, context: AgoraRequestContext) async throws -> PortfolioBody {
        let providerID = try ProfileRoutes.provider(context)
        let input = try await request.decode(as: PortfolioOrderInput.self, context: context)
        let items = try await portfolio.reorder(providerID, ids: input.ids ?? [], now: clock.now)
        return PortfolioBody(items: items.map { PortfolioItemBody($0, forOwner: true) })
    }
}
