import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// The payments of an hourly project's weeks, for its members: charged to the client's default saved card when a
/// week ends (`HourlyBillingJob`), held in escrow until the week is approved, then released. A week left due (a
/// declined card, no card saved, or not charged yet) the client pays at once with a saved card (`POST
/// /api/projects/{id}/timesheets/{week}/pay`, an `Idempotency-Key`).
struct WeekPaymentRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let billing: HourlyBilling

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.get("projects/{id}/week-payments", use: list)
        signedIn.post("projects/{id}/timesheets/{week}/pay", use: pay)
    }

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> WeekPaymentListBody {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: ProjectRoutes.notFound)
        guard let payments = try await WeekPaymentRepository(store: store).payments(ofProject: id, for: identity.userID) else {
            throw ProjectRoutes.notFound
        }
        return WeekPaymentListBody(weekPayments: payments.map { WeekPaymentBody($0, viewer: identity.userID) })
    }

    @Sendable func pay(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: ProjectRoutes.notFound)
        let week = try HourlyRoutes.week(context)
        let responder = IdempotentResponder(log: IdempotentRequestLog(store: store), clock: clock)
        return try await responder.respond(to: request, context: context, operation: "week-pay:\(id):\(week)") { request, _ in
            let input = try await request.decode(as: PayWeekInput.self, context: context)
            do {
                let paid = try await billing.pay(
                    projectID: id, week: week, by: identity.userID, savedMethodID: input.savedMethodID.map(Int64.init), now: clock.now
                )
                return WeekPaymentBody(paid, viewer: identity.userID)
            } catch StoreError.notFound {
                throw ProjectRoutes.notFound
            }
        }
    }
}

/// `POST /api/projects/{id}/timesheets/{week}/pay`: `{"payment_method_id"}` (optional: the default saved card).
struct PayWeekInput: RequestBody {
    static let fields: Set<String> = ["payment_method_id"]
    let savedMethodID: Int?

    init(reading body: inout JSONObjectBody) {
        savedMethodID = body.integer("payment_method_id")
    }
}

/// A week's payment as the project's members see it: the charge, the card and why a charge failed only for the
/// client; the commission only for the provider.
struct WeekPaymentBody: ResponseEncodable {
    let id: Int64
    let projectId: Int64
    let week: String
    let minutes: Int
    let status: String
    let amount: MoneyBody
    let clientFee: MoneyBody?
    let feeTax: MoneyBody?
    let taxNote: String?
    let total: MoneyBody?
    let commission: MoneyBody?
    let card: String?
    let failure: PaymentFailureBody?
    let nextAttemptAt: Date?
    let paidAt: Date?
    let releasedAt: Date?

    init(_ payment: WeekPayment, viewer: Int64) {
        let client = viewer == payment.payerID
        id = payment.id
        projectId = payment.projectID
        week = payment.week.description
        minutes = payment.minutes
        status = payment.status.rawValue
        amount = MoneyBody(payment.amount)
        clientFee = client ? MoneyBody(payment.clientFee) : nil
        feeTax = client ? MoneyBody(payment.feeTax) : nil
        taxNote = client ? payment.taxNote : nil
        total = client ? MoneyBody(payment.total) : nil
        commission = !client && payment.status == .released ? MoneyBody(payment.commission) : nil
        card = client ? payment.card?.label : nil
        failure = client && payment.status == .due ? payment.failure.map(PaymentFailureBody.init) : nil
        nextAttemptAt = payment.status == .due ? payment.nextAttemptAt : nil
        paidAt = payment.paidAt
        releasedAt = payment.releasedAt
    }
}

struct WeekPaymentListBody: ResponseEncodable {
    let weekPayments: [WeekPaymentBody]
}
