import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// `/api/admin/verifications` (`users.edit`): the requests waiting for staff (first requests and appeals) or those of
/// one status, each document opened by staff, and each request approved or refused with a reason — audited, and the
/// owner emailed (`verification-decided`).
struct VerificationReviewRoutes: Sendable {
    let store: Store
    let documents: DocumentStorage
    let cipher: DocumentCipher
    let mail: AccountMail
    let clock: any AgoraClock

    /// Requests the list shows at most.
    static let listLength = 100

    struct ListBody: ResponseEncodable {
        let verifications: [VerificationBody]
    }

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        let area = AdminArea.verifications.group(on: admin, store: store)
        area.get(use: list)
        area.get("{id}/document", use: download)
        area.post("{id}/approve", use: approve)
        area.post("{id}/reject", use: reject)
    }

    static let notFound = Problem(status: .notFound, detail: "No verification request has this id.")
    static func documentPath(_ id: Int64) -> String { "/api/admin/verifications/\(id)/document" }

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> ListBody {
        var status: VerificationRequestStatus?
        if let raw = request.uri.queryParameters.get("status"), !raw.isEmpty {
            guard let chosen = VerificationRequestStatus(rawValue: raw) else {
                throw ValidationError(field: "status", message: "must be one of \(VerificationRequestStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            status = chosen
        }
        let waiting = try await VerificationRepository(store: store).queue(status: status, limit: Self.listLength)
        return ListBody(verifications: waiting.map { VerificationBody($0, documentPath: Self.documentPath($0.id)) })
    }

    @Sendable func download(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        guard let found = try await VerificationRepository(store: store).find(try context.pathID("id", notFound: Self.notFound)) else { throw Self.notFound }
        return try await VerificationRoutes.document(of: found, store: store, documents: documents, cipher: cipher, logger: context.logger)
    }

    @Sendable func approve(_ request: Request, context: AgoraRequestContext) async throws -> VerificationBody {
        let reason = try VerificationRules.reason(try await request.decode(as: ReasonInput.self, context: context).reason, required: false)
        return try await decide(request, context, approved: true, reason: reason)
    }

    @Sendable func reject(_ request: Request, context: AgoraRequestContext) async throws -> VerificationBody {
        let reason = try VerificationRules.reason(try await request.decode(as: ReasonInput.self, context: context).reason, required: true)
        return try await decide(request, context, approved: false, reason: reason)
    }

    private func decide(_ request: Request, _ context: AgoraRequestContext, approved: Bool, reason: String) async throws -> VerificationBody {
        let id = try context.pathID("id", notFound: Self.notFound)
        let decided = try await VerificationRepository(store: store).decide(
            id, approved: approved, reason: reason, by: try AuditActor(request, context), now: clock.now, tell: tell
        )
        return VerificationBody(decided, documentPath: Self.documentPath(decided.id))
    }

    private var tell: VerificationRepository.Tell {
        { [mail] owner, decided, transaction in
            let approved = decided.status == .approved
            try await mail.queue("verification-decided", to: owner, values: [
                "kind": decided.kind.title.lowercased(), "decision": approved ? "approved" : "not approved", "approved": approved ? "yes" : "",
                "reason": decided.reason, "expires": decided.expiresAt.map { EmailComposer.moment($0) } ?? "",
                "appeal_days": String(Int(VerificationRules.appealWindow / 86_400)),
                "retention_days": String(Int(VerificationRules.documentRetention / 86_400)),
            ], in: transaction)
        }
    }
}
