import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOFoundationCompat

/// `/api/verifications`: a provider's verification centre — their requests, a new one with its document
/// (multipart: `kind`, optional `note`, `file`), the document downloaded, a refusal appealed. The document is held in
/// memory only, encrypted (`DocumentCipher`) and written to `Storage/verifications/`; its plain bytes never touch
/// the disk. Every route is the owner's (another's request is a 404); clients and staff have none (403).
struct VerificationRoutes: Sendable {
    let store: Store
    let documents: DocumentStorage
    let cipher: DocumentCipher
    let clock: any AgoraClock
    /// Counts the files each account uploads (`RateLimit.fileUpload`).
    let limiter: RateLimiter

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.get("verifications", use: list)
        signedIn.post("verifications", use: create)
        signedIn.get("verifications/{id}/document", use: download)
        signedIn.post("verifications/{id}/appeal", use: appeal)
    }

    private var verifications: VerificationRepository { VerificationRepository(store: store) }
    static let notFound = Problem(status: .notFound, detail: "No verification request of yours has this id.")

    static func documentPath(_ id: Int64) -> String { "/api/verifications/\(id)/document" }

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> VerificationsBody {
        let requests = try await verifications.list(try ProfileRoutes.provider(context))
        let kinds = VerificationKind.allCases.map { kind -> VerificationsBody.Kind in
            let latest = requests.first { $0.kind == kind }
            let blockedBy: String? = switch latest?.status {
            case .pending?, .appealed?: "a request waits for review"
            case .approved?: "verified"
            case .rejected?, .expired?, nil: kind.takesDocument ? nil : "verified through payments"
            }
            return VerificationsBody.Kind(kind: kind.rawValue, title: kind.title, takesDocument: kind.takesDocument, badge: kind.badge?.rawValue, blockedBy: blockedBy)
        }
        return VerificationsBody(kinds: kinds, requests: requests.map { VerificationBody($0, documentPath: Self.documentPath($0.id)) })
    }

    @Sendable func create(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<VerificationBody> {
        let userID = try ProfileRoutes.provider(context)
        try await limiter.hit(.fileUpload, key: String(userID))
        let upload = try await MultipartFileUpload.receiveInMemory(request, maximumBytes: VerificationRules.maximumDocumentBytes, fields: ["kind", "note"])
        var errors: [FieldError] = []
        var kind: VerificationKind?
        var note = ""
        do { kind = try VerificationRules.kind(upload.fields["kind"]) } catch let invalid as ValidationError { errors += invalid.errors }
        do { note = try VerificationRules.note(upload.fields["note"]) } catch let invalid as ValidationError { errors += invalid.errors }
        guard errors.isEmpty, let kind else { throw ValidationError(errors) }
        guard let type = AttachmentType.sniff(upload.head, complete: Int64(upload.head.count) == Int64(upload.bytes.count)),
              VerificationRules.documentTypes.contains(type) else {
            throw Problem(
                status: .unsupportedMediaType,
                detail: "“\(upload.name.value)” is not a document we accept: send \(VerificationRules.documentTypesDescribed). The type is read from the file's content, not its name.",
                type: .unacceptedFileType
            )
        }
        let name = documents.newName()
        try documents.write(try cipher.seal(upload.bytes, name: name), as: name)
        do {
            let stored = StoredDocument(storageName: name, fileName: upload.name.value, mediaType: type.mediaType, byteSize: Int64(upload.bytes.count), sha256: upload.sha256)
            let created = try await verifications.create(userID, kind: kind, note: note, document: stored, now: clock.now)
            return EditedResponse(
                status: .created, headers: [.location: "/api/verifications/\(created.id)"],
                response: VerificationBody(created, documentPath: Self.documentPath(created.id))
            )
        } catch {
            documents.remove(name)
            throw error
        }
    }

    @Sendable func download(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let userID = try ProfileRoutes.provider(context)
        let found = try await verifications.find(try context.pathID("id", notFound: Self.notFound), userID: userID)
        return try await Self.document(of: found, store: store, documents: documents, cipher: cipher, logger: context.logger)
    }

    @Sendable func appeal(_ request: Request, context: AgoraRequestContext) async throws -> VerificationBody {
        let userID = try ProfileRoutes.provider(context)
        let id = try context.pathID("id", notFound: Self.notFound)
        let statement = try VerificationRules.statement(try await request.decode(as: AppealInput.self, context: context).statement)
        let appealed = try await verifications.appeal(id, userID: userID, statement: statement, now: clock.now)
        return VerificationBody(appealed, documentPath: Self.documentPath(appealed.id))
    }

    /// The decrypted document as a download that cannot run in the page (`sandbox`), never cached; 404 once deleted.
    /// A file that is missing or does not open with the configured key (`AGORA_DOCUMENT_KEY` changed, the file was
    /// damaged or moved) is logged and answered as a `500` `unreadable-document` that says so.
    static func document(
        of verification: VerificationRequest, store: Store, documents: DocumentStorage, cipher: DocumentCipher, logger: Logger
    ) async throws -> Response {
        guard let name = try await VerificationRepository(store: store).documentStorageName(verification.id) else {
            throw Problem(status: .notFound, detail: "The document was deleted after the decision.")
        }
        let plain: Data
        do {
            plain = try cipher.open(try documents.read(name), name: name)
        } catch {
            logger.error("verification document cannot be read", metadata: ["verification": "\(verification.id)", "error": "\(error)"])
            throw Problem(
                status: .internalServerError,
                detail: "The stored document cannot be read: its file is missing or does not open with the configured document key. Ask for the document to be sent again.",
                type: .unreadableDocument
            )
        }
        let disposition = (try? AttachmentName(verification.documentName ?? "document"))?.contentDisposition ?? "attachment"
        return Response(
            status: .ok,
            headers: [
                .contentType: verification.documentType ?? "application/octet-stream", .contentLength: String(plain.count),
                .contentDisposition: disposition, .init("X-Content-Type-Options")!: "nosniff",
                .contentSecurityPolicy: "sandbox; default-src 'none'", .cacheControl: "private, no-store",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(data: plain))
        )
    }
}
