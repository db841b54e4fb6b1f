import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// `/api/orders/{id}/files`: the client attaches files to a draft or open order (one per request, so that a page
/// can show each file's progress), everyone who may see the order downloads them, and the client removes them.
struct OrderFileRoutes: Sendable {
    let store: Store
    let storage: AttachmentStorage
    let clock: any AgoraClock
    /// Counts the files each account uploads (`RateLimit.fileUpload`).
    let limiter: RateLimiter

    static let maximumBytes = OrderFileLimits.maximumBytes

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.post("orders/{id}/files", use: upload)
        signedIn.get("orders/{id}/files/{fileId}", use: download)
        signedIn.delete("orders/{id}/files/{fileId}", use: remove)
    }

    private var files: OrderFileRepository { OrderFileRepository(store: store) }

    /// Receives one file; its type is sniffed from its content against `AttachmentType`'s allow-list.
    @Sendable func upload(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<OrderFileBody> {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: OrderRoutes.notFound)
        // Refused before a byte is read: someone else's order, a closed one, a full one.
        guard let order = try await OrderRepository(store: store).find(id), order.clientID == identity.userID else { throw OrderRoutes.notFound }
        guard order.status.isOpenState else { throw StatusTransitionError("files can be attached only while the order is a draft or open") }
        guard try await files.list(orderID: id).count < OrderFileRepository.maximumPerOrder else {
            throw StoreError.conflict("an order has at most \(OrderFileRepository.maximumPerOrder) files: remove one first")
        }
        try await limiter.hit(.fileUpload, key: String(identity.userID))
        try await checkDailyBytes(clientID: identity.userID, adding: 1)
        let upload = try await MultipartFileUpload.receive(request, into: storage, maximumBytes: Self.maximumBytes)
        do {
            try await checkDailyBytes(clientID: identity.userID, adding: upload.byteSize)
        } catch {
            storage.remove(upload.url)
            throw error
        }
        guard let type = AttachmentType.sniff(upload.head, complete: Int64(upload.head.count) == upload.byteSize) else {
            storage.remove(upload.url)
            throw Problem(
                status: .unsupportedMediaType,
                detail: "“\(upload.name.value)” is not a file we accept: send \(AttachmentType.described). The type is read from the file's content, not its name.",
                type: .unacceptedFileType
            )
        }
        let storageName: String
        do {
            storageName = try storage.keep(upload.url)
        } catch {
            storage.remove(upload.url)
            throw error
        }
        do {
            let file = try await files.insert(
                orderID: id, clientID: identity.userID, storageName: storageName, fileName: upload.name.value, mediaType: type.mediaType,
                byteSize: upload.byteSize, sha256: upload.sha256, now: clock.now
            )
            return EditedResponse(
                status: .created, headers: [.location: "/api/orders/\(id)/files/\(file.id)"], response: OrderFileBody(file, orderID: id)
            )
        } catch {
            storage.remove(storageName: storageName)
            throw error
        }
    }

    /// The daily quota of bytes (`OrderFileLimits.maximumBytesPerDay`): checked before a byte is read (one more
    /// byte would not fit) and again once the file's size is known.
    private func checkDailyBytes(clientID: Int64, adding bytes: Int64) async throws {
        let window: TimeInterval = 86_400
        let today = try await files.uploaded(byClient: clientID, since: clock.now.addingTimeInterval(-window))
        try limiter.checkAmount(
            used: today.bytes, adding: bytes, limit: OrderFileLimits.maximumBytesPerDay, window: window, earliest: today.earliest,
            what: "You uploaded \(OrderFileLimits.maximumMegabytesPerDay) MB of files today, the most an account may."
        )
    }

    /// Streams a file to anyone who may see the order, always as a download of the sniffed type.
    @Sendable func download(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let order = try await OrderRoutes.visibleOrder(context, store: store)
        let fileID = try context.pathID("fileId", notFound: Self.notFound)
        guard let file = try await files.find(fileID, orderID: order.id) else { throw Self.notFound }
        let body = try await FileIO().loadFile(path: storage.path(of: file.storageName), context: context)
        let name = (try? AttachmentName(file.fileName))?.contentDisposition ?? "attachment"
        return Response(
            status: .ok,
            headers: [
                .contentType: file.mediaType, .contentLength: String(file.byteSize), .contentDisposition: name,
                .init("X-Content-Type-Options")!: "nosniff", .contentSecurityPolicy: "sandbox; default-src 'none'",
                .cacheControl: "private, no-store",
            ],
            body: body
        )
    }

    /// The client removes a file while the order is a draft or open.
    @Sendable func remove(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: OrderRoutes.notFound)
        let fileID = try context.pathID("fileId", notFound: Self.notFound)
        guard let order = try await OrderRepository(store: store).find(id), order.clientID == identity.userID else { throw OrderRoutes.notFound }
        guard let file = try await files.delete(fileID, orderID: order.id, clientID: identity.userID, now: clock.now) else { throw Self.notFound }
        storage.remove(storageName: file.storageName)
        return Response(status: .noContent)
    }

    static let notFound = Problem(status: .notFound, detail: "The order has no file with this id.")
}
