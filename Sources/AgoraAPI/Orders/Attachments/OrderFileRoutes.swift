import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// `/api/orders/{id}/files`: the client attaches files to a draft or open order (one per request, so that a page
/// can show each file's progress), everyone who may see the order downloads them, and the client removes them.
struct OrderFileRoutes: Sendable {
    let store: Store
    let intake: AttachmentIntake
    let clock: any AgoraClock

    static let maximumBytes = OrderFileLimits.maximumBytes

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.post("orders/{id}/files", use: upload)
        signedIn.get("orders/{id}/files/{fileId}", use: download)
        signedIn.delete("orders/{id}/files/{fileId}", use: remove)
    }

    private var files: OrderFileRepository { OrderFileRepository(store: store) }

    /// Receives one file through the attachment intake.
    @Sendable func upload(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<OrderFileBody> {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: OrderRoutes.notFound)
        // Refused before a byte is read: someone else's order, a closed one, a full one.
        guard let order = try await OrderRepository(store: store).find(id), order.clientID == identity.userID else { throw OrderRoutes.notFound }
        guard order.status.isOpenState else { throw StatusTransitionError("files can be attached only while the order is a draft or open") }
        guard try await files.list(orderID: id).count < OrderFileRepository.maximumPerOrder else {
            throw StoreError.conflict("an order has at most \(OrderFileRepository.maximumPerOrder) files: remove one first")
        }
        let received = try await intake.receive(request, uploaderID: identity.userID, maximumBytes: Self.maximumBytes)
        let file = try await intake.recorded(received) { received in
            try await files.insert(
                orderID: id, clientID: identity.userID, storageName: received.storageName, fileName: received.fileName,
                mediaType: received.mediaType, byteSize: received.byteSize, sha256: received.sha256, now: clock.now
            )
        }
        return EditedResponse(status: .created, headers: [.location: "/api/orders/\(id)/files/\(file.id)"], response: OrderFileBody(file, orderID: id))
    }

    /// Streams a file to anyone who may see the order, always as a download of the sniffed type.
    @Sendable func download(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let order = try await OrderRoutes.visibleOrder(context, store: store)
        let fileID = try context.pathID("fileId", notFound: Self.notFound)
        guard let file = try await files.find(fileID, orderID: order.id) else { throw Self.notFound }
        return try await intake.download(storageName: file.storageName, fileName: file.fileName, mediaType: file.mediaType, byteSize: file.byteSize, context: context)
    }

    /// The client removes a file while the order is a draft or open.
    @Sendable func remove(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: OrderRoutes.notFound)
        let fileID = try context.pathID("fileId", notFound: Self.notFound)
        guard let order = try await OrderRepository(store: store).find(id), order.clientID == identity.userID else { throw OrderRoutes.notFound }
        guard let file = try await files.delete(fileID, orderID: order.id, clientID: identity.userID, now: clock.now) else { throw Self.notFound }
        intake.storage.remove(storageName: file.storageName)
        return Response(status: .noContent)
    }

    static let notFound = Problem(status: .notFound, detail: "The order has no file with this id.")
}
