import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// A project's members dispute a milestone's money: open a dispute (the project becomes disputed and its escrow
/// freezes), add evidence, withdraw it. Administrators decide it (`DisputeAdminRoutes`). A project or dispute of
/// someone else's answers 404; a step the rules refuse, 409.
struct DisputeRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let announcer: ProjectAnnouncer

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.post("projects/{id}/disputes", use: open)
        signedIn.get("projects/{id}/disputes", use: list)
        signedIn.get("disputes/{id}", use: show)
        signedIn.post("disputes/{id}/evidence", use: addEvidence)
        signedIn.post("disputes/{id}/withdraw", use: withdraw)
    }

    private var disputes: DisputeRepository { DisputeRepository(store: store) }

    @Sendable func open(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<DisputeBody> {
        let identity = try context.requireIdentity()
        let projectID = try context.pathID("id", notFound: Self.projectNotFound)
        let input = try await request.decode(as: DisputeOpeningInput.self, context: context)
        let opening = try DisputeRules.Opening(milestoneID: input.milestoneID, reason: input.reason, statement: input.statement)
        do {
            let dispute = try await disputes.open(opening, projectID: projectID, by: identity.userID, now: clock.now, announce: announcer.dispute)
            return EditedResponse(status: .created, headers: [.location: "/api/disputes/\(dispute.id)"], response: DisputeBody(dispute))
        } catch StoreError.notFound {
            throw Self.projectNotFound
        }
    }

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> DisputeListBody {
        let identity = try context.requireIdentity()
        let projectID = try context.pathID("id", notFound: Self.projectNotFound)
        guard try await ProjectRepository(store: store).details(projectID, for: identity.userID) != nil else { throw Self.projectNotFound }
        return DisputeListBody(disputes: try await disputes.disputes(ofProject: projectID).map(DisputeBody.init))
    }

    @Sendable func show(_ request: Request, context: AgoraRequestContext) async throws -> DisputeBody {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.notFound)
        guard let dispute = try await disputes.dispute(id, for: identity.userID) else { throw Self.notFound }
        return DisputeBody(dispute)
    }

    @Sendable func addEvidence(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<DisputeBody> {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.notFound)
        let body = try DisputeRules.evidence(try await request.decode(as: DisputeEvidenceInput.self, context: context).body)
        do {
            return EditedResponse(status: .created, response: DisputeBody(try await disputes.addEvidence(id, body: body, by: identity.userID, now: clock.now, announce: announcer.dispute)))
        } catch StoreError.notFound {
            throw Self.notFound
        }
    }

    @Sendable func withdraw(_ request: Request, context: AgoraRequestContext) async throws -> DisputeBody {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.notFound)
        do {
            return DisputeBody(try await disputes.withdraw(id, by: identity.userID, now: clock.now, announce: announcer.dispute))
        } catch StoreError.notFound {
            throw Self.notFound
        }
    }

    static let notFound = Problem(status: .notFound, detail: "No dispute of your projects has this id.")
    static let projectNotFound = Problem(status: .notFound, detail: "No project of yours has this id.")
}

/// `/api/admin/disputes` (`finance.resolve-dispute`): the open disputes, oldest first, and the decision that splits
/// what was held. The decision moves money, so it needs an `Idempotency-Key`; it is audited with its note.
struct DisputeAdminRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let escrow: EscrowPayments

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        let disputes = AdminArea.disputes.group(on: admin, store: store)
        disputes.get(use: list)
        disputes.get("{id}", use: show)
        disputes.post("{id}/resolve", use: resolve)
    }

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> DisputeListBody {
        var query = try ListQuery(request, allowing: ["status", "limit"])
        let status = query.choice("status", default: DisputeStatus.open)
        let limit = query.limit()
        try query.finish()
        return DisputeListBody(disputes: try await DisputeRepository(store: store).disputes(status: status, limit: limit).map(DisputeBody.init))
    }

    @Sendable func show(_ request: Request, context: AgoraRequestContext) async throws -> DisputeBody {
        let id = try context.pathID("id", notFound: Self.notFound)
        guard let dispute = try await DisputeRepository(store: store).dispute(id) else { throw Self.notFound }
        return DisputeBody(dispute)
    }

    @Sendable func resolve(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let id = try context.pathID("id", notFound: Self.notFound)
        let actor = try AuditActor(request, context)
        let responder = IdempotentResponder(log: IdempotentRequestLog(store: store), clock: clock)
        return try await responder.respond(to: request, context: context, operation: "resolve-dispute:\(id)") { request, _ in
            let input = try await request.decode(as: DisputeDecisionInput.self, context: context)
            guard let dispute = try await DisputeRepository(store: store).dispute(id) else { throw Self.notFound }
            guard dispute.status == .open else { throw StatusTransitionError("a dispute that is \(dispute.status.label) cannot be decided") }
            let decision = try DisputeRules.Decision(
                providerShare: input.providerAmount, currency: dispute.held.currency, held: dispute.held, note: input.note, closesProject: input.closeProject
            )
            return DisputeBody(try await escrow.resolve(id, decision: decision, by: actor, now: clock.now))
        }
    }

    static let notFound = Problem(status: .notFound, detail: "No dispute has this id.")
}
