import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// Money into and out of a milestone's escrow. The client funds a pending milestone (`fund`, then `confirm` with a
/// card, and `authenticate` when the card asks for it), releases escrow to the provider in part or in full; the
/// provider refunds. Every money-moving POST needs an `Idempotency-Key` (`IdempotentResponder`). A milestone or
/// payment of someone else's project answers 404; a step the rules refuse, 409.
struct PaymentRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let escrow: EscrowPayments
    let announcer: ProjectAnnouncer
    let settings: LivePlatformSettings

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.post("milestones/{id}/fund", use: fund)
        signedIn.post("milestones/{id}/release", use: release)
        signedIn.get("payments", use: list)
        signedIn.get("payments/{id}", use: show)
        signedIn.post("payments/{id}/confirm", use: confirm)
        signedIn.post("payments/{id}/authenticate", use: authenticate)
        signedIn.post("payments/{id}/refunds", use: refund)
    }

    private var responder: IdempotentResponder { IdempotentResponder(log: IdempotentRequestLog(store: store), clock: clock) }
    private var payments: PaymentRepository { PaymentRepository(store: store) }

    @Sendable func fund(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: MilestoneRoutes.notFound)
        return try await responder.respond(to: request, context: context, operation: "fund:\(id)", status: .created) { _, _ in
            do {
                let (payment, secret) = try await escrow.fund(milestoneID: id, by: identity.userID, title: "Milestone \(id)", now: clock.now)
                return PaymentBody(payment, clientSecret: secret)
            } catch StoreError.notFound {
                throw MilestoneRoutes.notFound
            }
        }
    }

    @Sendable func confirm(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.notFound)
        return try await responder.respond(to: request, context: context, operation: "confirm:\(id)") { request, _ in
            let input = try await request.decode(as: ConfirmPaymentInput.self, context: context)
            if let saved = input.savedMethodID {
                guard !input.card.hasCardFields, input.card.processorMethodID == nil else {
                    throw ValidationError(field: "payment_method_id", message: "pays instead of a card: send one or the other")
                }
                return PaymentBody(try await found { try await escrow.confirm(id, by: identity.userID, savedMethodID: Int64(saved), now: clock.now) })
            }
            let card = try input.card.entry(now: clock.now)
            return PaymentBody(try await found { try await escrow.confirm(id, by: identity.userID, card: card, now: clock.now) })
        }
    }

    @Sendable func authenticate(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.notFound)
        return try await responder.respond(to: request, context: context, operation: "authenticate:\(id)") { request, _ in
            let input = try await request.decode(as: AuthenticatePaymentInput.self, context: context)
            guard let completed = input.completed else {
                throw ValidationError(field: "completed", message: "is required: true when the authentication was completed, false when it failed")
            }
            return PaymentBody(try await found { try await escrow.authenticate(id, by: identity.userID, completed: completed, now: clock.now) })
        }
    }

    @Sendable func release(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: MilestoneRoutes.notFound)
        return try await responder.respond(to: request, context: context, operation: "release:\(id)") { request, key in
            let input = try await request.decode(as: EscrowMovementInput.self, context: context)
            guard let currency = try await payments.currency(ofMilestone: id, for: identity.userID) else { throw MilestoneRoutes.notFound }
            let part = try PaymentRules.part(input.amount, currency: currency)
            do {
                let stepped = try await EscrowRepository(store: store).release(
                    milestoneID: id, part: part, by: identity.userID, requestKey: key, now: clock.now, announce: announcer.milestone
                )
                return ProjectBody(stepped.details, now: clock.now, settings: settings.current)
            } catch StoreError.notFound {
                throw MilestoneRoutes.notFound
            }
        }
    }

    @Sendable func refund(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.notFound)
        return try await responder.respond(to: request, context: context, operation: "refund:\(id)", status: .created) { request, key in
            let input = try await request.decode(as: EscrowMovementInput.self, context: context)
            guard let payment = try await payments.payment(id, for: identity.userID) else { throw Self.notFound }
            let reason = try PaymentRules.refundReason(input.reason)
            let part = try PaymentRules.part(input.amount, currency: payment.amount.currency)
            let refund = try await found {
                try await escrow.refund(id, part: part, reason: reason, by: identity.userID, requestKey: key, now: clock.now)
            }
            return RefundBody(refund)
        }
    }

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> PaymentListBody {
        let identity = try context.requireIdentity()
        var query = try ListQuery(request, allowing: ["limit"])
        let limit = query.limit()
        try query.finish()
        return PaymentListBody(payments: try await payments.payments(for: identity.userID, limit: limit).map { PaymentBody($0) })
    }

    @Sendable func show(_ request: Request, context: AgoraRequestContext) async throws -> PaymentBody {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.notFound)
        guard let payment = try await payments.payment(id, for: identity.userID) else { throw Self.notFound }
        return PaymentBody(payment)
    }

    private func found<T>(_ work: () async throws -> T) async throws -> T {
        do { return try await work() } catch StoreError.notFound { throw Self.notFound }
    }

    static let notFound = Problem(status: .notFound, detail: "No payment of your projects has this id.")
}
