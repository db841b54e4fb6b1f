import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// A person's wallet (money in escrow, on hold, available, paid out, per currency), their payout account, and their
/// payouts: all of the available money of a currency, at least the minimum, sent to their bank account. The payout
/// POST moves money, so it needs an `Idempotency-Key`; changing where payouts go is a dangerous action (a recent proof
/// of who is asking), and the holder is emailed each time.
struct PayoutRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let payouts: Payouts
    let settings: LivePlatformSettings
    let announcer: PayoutAnnouncer
    let recentAuthentication: RecentAuthenticationMiddleware

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.get("wallet", use: wallet)
        signedIn.get("payout-account", use: account)
        signedIn.group().add(middleware: recentAuthentication).put("payout-account", use: saveAccount)
        signedIn.get("payouts", use: list)
        signedIn.post("payouts", use: payOut)
    }

    private var repository: PayoutRepository { PayoutRepository(store: store) }

    @Sendable func wallet(_ request: Request, context: AgoraRequestContext) async throws -> WalletBody {
        let identity = try context.requireIdentity()
        let current = settings.current
        let wallets = try await repository.wallets(of: identity.userID, holdDays: current.number(.paymentsSecurityHoldDays), now: clock.now)
        return WalletBody(
            wallets: wallets.map(WalletBody.Currency.init), holdDays: current.number(.paymentsSecurityHoldDays),
            minimumPayout: current.number(.paymentsMinimumPayout)
        )
    }

    @Sendable func account(_ request: Request, context: AgoraRequestContext) async throws -> PayoutAccountBody {
        let identity = try context.requireIdentity()
        guard let account = try await repository.account(of: identity.userID) else {
            throw Problem(status: .notFound, detail: "No payout account yet: add the bank account your money goes to.")
        }
        return PayoutAccountBody(account)
    }

    @Sendable func saveAccount(_ request: Request, context: AgoraRequestContext) async throws -> PayoutAccountBody {
        let identity = try context.requireIdentity()
        let input = try await request.decode(as: PayoutAccountInput.self, context: context)
        let details = try PayoutAccountDetails(input.input)
        return PayoutAccountBody(try await repository.save(details, for: identity.userID, now: clock.now, tell: announcer.accountChanged))
    }

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> PayoutListBody {
        let identity = try context.requireIdentity()
        var query = try ListQuery(request, allowing: ["limit"])
        let limit = query.limit()
        try query.finish()
        return PayoutListBody(payouts: try await repository.payouts(of: identity.userID, limit: limit).map(PayoutBody.init))
    }

    @Sendable func payOut(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let responder = IdempotentResponder(log: IdempotentRequestLog(store: store), clock: clock)
        return try await responder.respond(to: request, context: context, operation: "payout", status: .created) { request, _ in
            let input = try await request.decode(as: PayoutInput.self, context: context)
            let currency: CurrencyCode
            do {
                currency = try CurrencyCode(input.currency ?? "")
            } catch {
                throw ValidationError(field: "currency", message: "is required: the currency to pay out, such as EUR")
            }
            return PayoutBody(try await payouts.payOut(providerID: identity.userID, currency: currency, now: clock.now))
        }
    }
}

/// `PUT /api/payout-account`: `{"holder_name", "iban", "bic", "schedule"}`.
struct PayoutAccountInput: RequestBody {
    static let fields: Set<String> = ["holder_name", "iban", "bic", "schedule"]
    var input = PayoutAccountDetails.Input()

    init(reading body: inout JSONObjectBody) {
        input.holderName = body.string("holder_name", required: false, maximumLength: 200)
        input.iban = body.string("iban", required: false, maximumLength: 60)
        input.bic = body.string("bic", required: false, maximumLength: 20)
        input.schedule = body.string("schedule", required: false, maximumLength: 20)
    }
}

/// `POST /api/payouts`: `{"currency"}`.
struct PayoutInput: RequestBody {
    static let fields: Set<String> = ["currency"]
    let currency: String?

    init(reading body: inout JSONObjectBody) {
        currency = body.string("currency", required: false, maximumLength: 3)
    }
}

struct WalletBody: ResponseEncodable {
    struct Currency: Encodable {
        let currency: String
        let inEscrow: MoneyBody
        let onHold: MoneyBody
        let available: MoneyBody
        let paidOut: MoneyBody

        init(_ wallet: Wallet) {
            currency = wallet.currency.code
            inEscrow = MoneyBody(wallet.inEscrow)
            onHold = MoneyBody(wallet.onHold)
            available = MoneyBody(wallet.available)
            paidOut = MoneyBody(wallet.paidOut)
        }
    }

    let wallets: [Currency]
    let holdDays: Int
    /// In whole units of each currency.
    let minimumPayout: Int
}

/// A payout account as its owner sees it: the IBAN masked.
struct PayoutAccountBody: ResponseEncodable {
    let holderName: String
    let ibanMasked: String
    let bic: String
    let schedule: String
    let updatedAt: Date

    init(_ account: PayoutAccount) {
        holderName = account.details.holderName
        ibanMasked = account.details.maskedIBAN
        bic = account.details.bic
        schedule = account.details.schedule.rawValue
        updatedAt = account.updatedAt
    }
}

struct PayoutBody: ResponseEncodable {
    let id: Int64
    let amount: MoneyBody
    let ibanMasked: String
    let status: String
    let failure: PaymentFailureBody?
    let createdAt: Date
    let paidAt: Date?

    init(_ payout: Payout) {
        id = payout.id
        amount = MoneyBody(payout.amount)
        ibanMasked = payout.maskedIBAN
        status = payout.status.rawValue
        failure = payout.failure.map(PaymentFailureBody.init)
        createdAt = payout.createdAt
        paidAt = payout.paidAt
    }
}

struct PayoutListBody: ResponseEncodable {
    let payouts: [PayoutBody]
}
