import AgoraDomain
import AgoraImages
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// `/api/portfolio/{id}/files`: the images of a provider's portfolio item — one per request (multipart: `file`,
/// and an optional `caption`), so that a page can show each one's progress; captions changed and images removed.
struct PortfolioImageRoutes: Sendable {
    let store: Store
    let uploads: AttachmentStorage
    let media: MediaStorage
    let clock: any AgoraClock
    /// Counts the files each account uploads (`RateLimit.fileUpload`).
    let limiter: RateLimiter

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.post("portfolio/{id}/files", use: upload)
        signedIn.patch("portfolio/{id}/files/{fileId}", use: caption)
        signedIn.delete("portfolio/{id}/files/{fileId}", use: remove)
    }

    private var portfolio: PortfolioRepository { PortfolioRepository(store: store) }
    static let imageNotFound = Problem(status: .notFound, detail: "This portfolio item has no image with this id.")

    @Sendable func upload(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<PortfolioItemBody> {
        let providerID = try ProfileRoutes.provider(context)
        let id = try context.pathID("id", notFound: PortfolioRoutes.notFound)
        try await portfolio.requireRoomForImage(id, providerID: providerID)
        try await limiter.hit(.fileUpload, key: String(providerID))
        let (upload, input) = try await ImageUpload.receive(request, into: uploads, fields: ["caption"], noun: "an image")
        defer { uploads.remove(upload.url) }
        let caption = try PortfolioPicture.caption(upload.fields["caption"])
        let key = try media.newKey(for: PortfolioImage.self)
        let folder = media.folder(of: PortfolioImage.self, key: key)
        let size = try await ImageUpload.variants { try PortfolioImageVariants.write(from: upload.url, as: input, into: folder) }
        do {
            let image = try PortfolioImage(key: key, width: size.width, height: size.height)
            let item = try await portfolio.addImage(id, providerID: providerID, image: image, caption: caption, byteSize: upload.byteSize, now: clock.now)
            return EditedResponse(status: .created, response: PortfolioItemBody(item, forOwner: true))
        } catch {
            media.remove(PortfolioImage.self, key: key)
            throw error
        }
    }

    @Sendable func caption(_ request: Request, context: AgoraRequestContext) async throws -> PortfolioItemBody {
        let providerID = try ProfileRoutes.provider(context)
        let id = try context.pathID("id", notFound: PortfolioRoutes.notFound)
        let fileID = try context.pathID("fileId", notFound: Self.imageNotFound)
        let caption = try PortfolioPicture.caption(try await request.decode(as: CaptionInput.self, context: context).caption)
        return PortfolioItemBody(try await portfolio.setCaption(fileID, itemID: id, providerID: providerID, caption: caption, now: clock.now), forOwner: true)
    }

    @Sendable func remove(_ request: Request, context: AgoraRequestContext) async throws -> PortfolioItemBody {
        let providerID = try ProfileRoutes.provider(context)
        let id = try context.pathID("id", notFound: PortfolioRoutes.notFound)
        let fileID = try context.pathID("fileId", notFound: Self.imageNotFound)
        let (key, item) = try await portfolio.removeImage(fileID, itemID: id, providerID: providerID, now: clock.now)
        media.remove(PortfolioImage.self, key: key)
        return PortfolioItemBody(item, forOwner: true)
    }
}
