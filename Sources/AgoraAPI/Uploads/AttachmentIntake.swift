import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// An attachment received the one way every kind is (an order's files, a milestone's deliverables): the upload rate
/// and the daily bytes checked before a byte is read and again once the size is known, the type sniffed from the
/// content against `AttachmentType`'s allow-list, the bytes moved whole into the attachment store. The caller
/// records the row, and discards the bytes when that fails. Downloads go out the one way too.
struct AttachmentIntake: Sendable {
    let storage: AttachmentStorage
    let store: Store
    let clock: any AgoraClock
    /// Counts the files each account uploads (`RateLimit.fileUpload`).
    let limiter: RateLimiter

    /// A file received and kept under `storageName`, waiting for its row.
    struct Received: Sendable {
        let storageName: String
        let fileName: String
        let mediaType: String
        let byteSize: Int64
        let sha256: String
    }

    /// Receives the request's one file for `uploaderID`, within `maximumBytes`.
    func receive(_ request: Request, uploaderID: Int64, maximumBytes: Int64) async throws -> Received {
        try await limiter.hit(.fileUpload, key: String(uploaderID))
        try await checkDailyBytes(uploaderID: uploaderID, adding: 1)
        let upload = try await MultipartFileUpload.receive(request, into: storage, maximumBytes: maximumBytes)
        do {
            try await checkDailyBytes(uploaderID: uploaderID, adding: upload.byteSize)
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
        do {
            let storageName = try storage.keep(upload.url)
            return Received(storageName: storageName, fileName: upload.name.value, mediaType: type.mediaType, byteSize: upload.byteSize, sha256: upload.sha256)
        } catch {
            storage.remove(upload.url)
            throw error
        }
    }

    /// Records a received file with `record`; the bytes go when the row cannot be written.
    func recorded<Row>(_ received: Received, _ record: (Received) async throws -> Row) async throws -> Row {
        do {
            return try await record(received)
        } catch {
            storage.remove(storageName: received.storageName)
            throw error
        }
    }

    /// The daily quota of bytes (`OrderFileLimits.maximumBytesPerDay`, over every kind of attachment): checked before
    /// a byte is read (one more byte would not fit) and again once the file's size is known.
    private func checkDailyBytes(uploaderID: Int64, adding bytes: Int64) async throws {
        let window: TimeInterval = 86_400
        let today = try await AttachmentLedger(store: store).uploaded(by: uploaderID, since: clock.now.addingTimeInterval(-window))
        try limiter.checkAmount(
            used: today.bytes, adding: bytes, limit: OrderFileLimits.maximumBytesPerDay, window: window, earliest: today.earliest,
            what: "You uploaded \(OrderFileLimits.maximumMegabytesPerDay) MB of files today, the most an account may."
        )
    }

    /// A stored attachment streamed as a download of its sniffed type, which no browser runs or renders in the page.
    func download(storageName: String, fileName: String, mediaType: String, byteSize: Int64, context: AgoraRequestContext) async throws -> Response {
        let body = try await FileIO().loadFile(path: storage.path(of: storageName), context: context)
        let name = (try? AttachmentName(fileName))?.contentDisposition ?? "attachment"
        return Response(
            status: .ok,
            headers: [
                .contentType: mediaType, .contentLength: String(byteSize), .contentDisposition: name,
                .init("X-Content-Type-Options")!: "nosniff", .contentSecurityPolicy: "sandbox; default-src 'none'",
                .cacheControl: "private, no-store",
            ],
            body: body
        )
    }
}
