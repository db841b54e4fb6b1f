import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/admin/bulk` (`users.suspend`, and `users.edit` for confirming addresses): one action on every account a
/// filter of the users page matches (`q`, `type`, `status`, `country`, `from`, `to`). `preview` counts the accounts
/// first; starting one (a dangerous action) answers 202 at once and a worker changes the accounts, which
/// `GET /api/admin/bulk/{id}` follows; an undo, where the action allows, runs the same way.
struct BulkOperationRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let recentAuthentication: RecentAuthenticationMiddleware

    /// Accounts a preview names.
    static let sampleSize = 5
    /// Operations the list shows.
    static let listLength = 20

    struct OperationInput: RequestBody {
        static let fields: Set<String> = ["action", "kind", "days", "reason"]
        let action: String?
        let kind: String?
        let days: Int?
        let reason: String?

        init(reading body: inout JSONObjectBody) {
            // What is missing is named by `BulkOperationRequest`, which knows what each action needs.
            action = body.string("action", required: false, maximumLength: 40)
            kind = body.string("kind", required: false, maximumLength: 20)
            days = body.integer("days")
            reason = body.string("reason", required: false, maximumLength: 2_000, multiline: true)
        }
    }

    struct AccountBody: ResponseEncodable {
        let id: Int64
        let name: String
        let email: String
    }

    struct PreviewBody: ResponseEncodable {
        let action: String
        let matching: Int
        let applicable: Int
        let undoable: Bool
        let sample: [AccountBody]
    }

    struct OperationBody: ResponseEncodable {
        let id: Int64
        let action: String
        let kind: String?
        let days: Int?
        let reason: String
        let filter: String
        let status: String
        let total: Int
        let changed: Int
        let skipped: Int
        let reverted: Int
        let revertSkipped: Int
        let canBeUndone: Bool
        let startedBy: Int64
        let undoneBy: Int64?
        let createdAt: Date
        let finishedAt: Date?
        let undoneAt: Date?
        let lastError: String

        init(_ operation: BulkOperation) {
            id = operation.id
            action = operation.request.action.rawValue
            kind = operation.request.suspension?.kind.rawValue
            days = operation.request.suspension?.days
            reason = operation.request.reason
            filter = operation.filter
            status = operation.status.rawValue
            total = operation.total
            changed = operation.changed
            skipped = operation.skipped
            reverted = operation.reverted
            revertSkipped = operation.revertSkipped
            canBeUndone = operation.canBeUndone
            startedBy = operation.startedBy.userID
            undoneBy = operation.undoneBy?.userID
            createdAt = operation.createdAt
            finishedAt = operation.finishedAt
            undoneAt = operation.undoneAt
            lastError = operation.lastError
        }
    }

    struct ListBody: ResponseEncodable {
        let operations: [OperationBody]
    }

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        let area = AdminArea.bulk.group(on: admin, store: store)
        area.get(use: list)
        area.get("{operationId}", use: show)
        area.post("preview", use: preview)
        let dangerous = area.group().add(middleware: recentAuthentication)
        dangerous.post(use: start)
        dangerous.post("{operationId}/undo", use: undo)
    }

    static let notFound = Problem(status: .notFound, detail: "No bulk operation has this id.")

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> ListBody {
        ListBody(operations: try await BulkOperationRepository(store: store).recent(limit: Self.listLength).map(OperationBody.init))
    }

    @Sendable func show(_ request: Request, context: AgoraRequestContext) async throws -> OperationBody {
        let id = try context.pathID("operationId", notFound: Self.notFound)
        return OperationBody(try await BulkOperationRepository(store: store).find(id))
    }

    @Sendable func preview(_ request: Request, context: AgoraRequestContext) async throws -> PreviewBody {
        let (query, _) = try UserAdminRoutes.segment(of: request)
        let input = try await request.decode(as: OperationInput.self, context: context)
        guard let action = BulkAction(rawValue: input.action ?? "") else {
            throw ValidationError(field: "action", message: "must be one of \(BulkAction.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        try await permit(action, context)
        let preview = try await BulkOperationRepository(store: store).preview(action, matching: query, sampleSize: Self.sampleSize)
        return PreviewBody(
            action: action.rawValue, matching: preview.matching, applicable: preview.applicable, undoable: action.undoable,
            sample: preview.sample.map { AccountBody(id: $0.id, name: "\($0.firstName) \($0.lastName)", email: $0.email.value) }
        )
    }

    @Sendable func start(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<OperationBody> {
        let (query, filter) = try UserAdminRoutes.segment(of: request)
        let input = try await request.decode(as: OperationInput.self, context: context)
        let operation = try BulkOperationRequest(action: input.action, reason: input.reason, kind: input.kind, days: input.days)
        try await permit(operation.action, context)
        let started = try await BulkOperationRepository(store: store).start(
            operation, matching: query, filter: filter, by: try AuditActor(request, context), now: clock.now
        )
        return EditedResponse(status: .accepted, response: OperationBody(started))
    }

    @Sendable func undo(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<OperationBody> {
        let id = try context.pathID("operationId", notFound: Self.notFound)
        let reason = try await request.decode(as: ReasonInput.self, context: context).required()
        let operations = BulkOperationRepository(store: store)
        try await permit(try await operations.find(id).request.action, context)
        let undone = try await operations.undo(id, by: try AuditActor(request, context).because(reason), now: clock.now)
        return EditedResponse(status: .accepted, response: OperationBody(undone))
    }

    /// The area lets in `users.suspend`; confirming addresses needs `users.edit` as well, as it does for one account.
    private func permit(_ action: BulkAction, _ context: AgoraRequestContext) async throws {
        let identity = try context.requireIdentity()
        guard try await StaffRepository(store: store).access(of: identity.userID, to: action.permission)?.permitted == true else {
            throw Problem.forbidden("Your role does not allow this action.")
        }
    }
}
