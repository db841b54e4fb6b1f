import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// Payments for finance staff (`finance.read`): `GET /api/admin/payments/{id}` (the payment, its project and
/// milestone, what is held, its refunds) and `POST /api/admin/payments/{id}/refunds`, which also needs
/// `finance.refund` (money held given back to the client outside a dispute, with a reason the client reads; audited;
/// an `Idempotency-Key`).
struct PaymentAdminRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let escrow: EscrowPayments

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        let payments = AdminArea.payments.group(on: admin, store: store)
        payments.get("{id}", use: show)
        payments.post("{id}/refunds", use: refund)
    }

    static let notFound = Problem(status: .notFound, detail: "No payment has this id.")

    @Sendable func show(_ request: Request, context: AgoraRequestContext) async throws -> PaymentForStaffBody {
        let id = try context.pathID("id", notFound: Self.notFound)
        guard let found = try await PaymentRepository(store: store).forStaff(id) else { throw Self.notFound }
        return PaymentForStaffBody(found)
    }

    @Sendable func refund(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let id = try context.pathID("id", notFound: Self.notFound)
        let identity = try context.requireIdentity()
        guard try await StaffRepository(store: store).access(of: identity.userID, to: .financeRefund)?.permitted == true else {
            throw Problem.forbidden("Your role does not allow this.")
        }
        let actor = try AuditActor(request, context)
        let responder = IdempotentResponder(log: IdempotentRequestLog(store: store), clock: clock)
        return try await responder.respond(to: request, context: context, operation: "staff-refund:\(id)", status: .created) { request, key in
            let input = try await request.decode(as: EscrowMovementInput.self, context: context)
            guard let found = try await PaymentRepository(store: store).forStaff(id) else { throw Self.notFound }
            let reason = try PaymentRules.refundReason(input.reason)
            let part = try PaymentRules.part(input.amount, currency: found.payment.amount.currency)
            do {
                return RefundBody(try await escrow.refundByStaff(id, part: part, reason: reason, by: actor, requestKey: key, now: clock.now))
            } catch StoreError.notFound {
                throw Self.notFound
            }
        }
    }
}

/// A payment as finance staff see it: the payment, its project (title, status) and milestone, what is still held for
/// the milestone, and the refunds made from it.
struct PaymentForStaffBody: ResponseEncodable {
    let payment: PaymentBody
    let projectId: Int64
    let projectTitle: String
    let projectStatus: String
    let milestoneTitle: String
    let milestoneStatus: String
    let held: MoneyBody
    let refunds: [RefundBody]

    init(_ found: PaymentForStaff) {
        payment = PaymentBody(found.payment)
        projectId = found.project.id
        projectTitle = found.project.title
        projectStatus = found.project.status.rawValue
        milestoneTitle = found.milestone.title
        milestoneStatus = found.milestone.status.rawValue
        held = MoneyBody(found.milestone.escrow.remaining)
        refunds = found.refunds.map(RefundBody.init)
    }
}
