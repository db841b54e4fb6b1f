import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// Providers' plans: `GET /api/subscriptions` (the plans with their price and perks, the asker's plan, subscription
/// and invoices) and `POST /api/subscriptions` with an `Idempotency-Key`: `{"plan": "pro", "payment_method_id"}`
/// subscribes (the first month charged now to the saved card, the default when none is named; a subscription ending
/// with its month is resumed instead), `{"plan": "free"}` ends the subscription with its paid month.
struct SubscriptionRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let subscriptions: Subscriptions
    let settings: LivePlatformSettings

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.get("subscriptions", use: show)
        signedIn.post("subscriptions", use: change)
    }

    @Sendable func show(_ request: Request, context: AgoraRequestContext) async throws -> SubscriptionOverviewBody {
        try await overview(of: try context.requireIdentity().userID)
    }

    @Sendable func change(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let responder = IdempotentResponder(log: IdempotentRequestLog(store: store), clock: clock)
        return try await responder.respond(to: request, context: context, operation: "subscription") { request, _ in
            let input = try await request.decode(as: SubscriptionInput.self, context: context)
            switch try input.plan() {
            case .pro: _ = try await subscriptions.subscribe(identity.userID, savedMethodID: input.savedMethodID.map(Int64.init), now: clock.now)
            case .free: _ = try await subscriptions.cancel(identity.userID, now: clock.now)
            }
            return try await overview(of: identity.userID)
        }
    }

    private func overview(of userID: Int64) async throws -> SubscriptionOverviewBody {
        let repository = SubscriptionRepository(store: store)
        // The newest subscription is the live one when there is one (one at a time).
        let latest = try await repository.latest(of: userID)
        return SubscriptionOverviewBody(
            plan: latest?.status.hasPerks == true ? SubscriptionPlan.pro.rawValue : SubscriptionPlan.free.rawValue,
            plans: SubscriptionPlan.allCases.map { PlanBody($0, settings: settings.current) },
            subscription: latest.map(SubscriptionBody.init),
            invoices: try await repository.invoices(of: userID, limit: 24).map(SubscriptionInvoiceBody.init)
        )
    }
}

/// `POST /api/subscriptions`: `{"plan", "payment_method_id"}`.
struct SubscriptionInput: RequestBody {
    static let fields: Set<String> = ["plan", "payment_method_id"]
    let planName: String?
    let savedMethodID: Int?

    init(reading body: inout JSONObjectBody) {
        planName = body.string("plan", required: false, maximumLength: 20)
        savedMethodID = body.integer("payment_method_id")
    }

    func plan() throws -> SubscriptionPlan {
        guard let planName, let plan = SubscriptionPlan(rawValue: planName) else {
            throw ValidationError(field: "plan", message: "must be one of " + SubscriptionPlan.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return plan
    }
}

struct SubscriptionOverviewBody: ResponseEncodable {
    let plan: String
    let plans: [PlanBody]
    let subscription: SubscriptionBody?
    let invoices: [SubscriptionInvoiceBody]
}

/// A plan as the settings define it now: its monthly price before tax and its perks in words.
struct PlanBody: Encodable {
    let plan: String
    let label: String
    let monthlyPrice: MoneyBody
    let perks: [String]

    init(_ plan: SubscriptionPlan, settings: PlatformSettings) {
        self.plan = plan.rawValue
        label = plan.label
        let terms = settings.proPlan
        switch plan {
        case .free:
            monthlyPrice = MoneyBody(Money(minorUnits: 0, currency: SubscriptionPlan.currency))
            perks = ["The standard commission on every release", "Proposals, projects, payments and payouts as everyone has them"]
        case .pro:
            monthlyPrice = MoneyBody(terms.price)
            perks = ["\(terms.commissionDiscount) less commission on every release", "Billed monthly to a saved card; cancel any time, it ends with the month paid"]
        }
    }
}

struct SubscriptionBody: Encodable {
    let id: Int64
    let plan: String
    let status: String
    let price: MoneyBody
    let currentPeriodStart: Date
    let currentPeriodEnd: Date
    let cancelAtPeriodEnd: Bool
    let nextAttemptAt: Date?
    let failure: PaymentFailureBody?
    let endedAt: Date?

    init(_ subscription: Subscription) {
        id = subscription.id
        plan = subscription.plan.rawValue
        status = subscription.status.rawValue
        price = MoneyBody(subscription.price)
        currentPeriodStart = subscription.currentPeriodStart
        currentPeriodEnd = subscription.currentPeriodEnd
        cancelAtPeriodEnd = subscription.cancelAtPeriodEnd
        nextAttemptAt = subscription.nextAttemptAt
        failure = subscription.failure.map(PaymentFailureBody.init)
        endedAt = subscription.endedAt
    }
}

struct SubscriptionInvoiceBody: Encodable {
    let id: Int64
    let period: Int
    let periodStart: Date
    let periodEnd: Date
    let amount: MoneyBody
    let tax: MoneyBody
    let taxNote: String
    let total: MoneyBody
    let status: String
    let card: String?
    let failure: PaymentFailureBody?
    let paidAt: Date?

    init(_ invoice: SubscriptionInvoice) {
        id = invoice.id
        period = invoice.period
        periodStart = invoice.periodStart
        periodEnd = invoice.periodEnd
        amount = MoneyBody(invoice.amount)
        tax = MoneyBody(invoice.tax)
        taxNote = invoice.taxNote
        total = MoneyBody(invoice.total)
        status = invoice.status.rawValue
        card = invoice.card.map { "\($0.brand.rawValue.capitalized) •••• \($0.lastFour)" }
        failure = invoice.status == .paid ? nil : invoice.failure.map(PaymentFailureBody.init)
        paidAt = invoice.paidAt
    }
}
