import AgoraDomain
import Foundation
import SQLKit

/// The payment of one week of hourly work (`week_payments`): the week's minutes and amount, the client's fee and
/// its tax, where it stands (`WeekPaymentStatus`), the card it was charged to or why it was not, and, once released,
/// the provider's commission and its tax.
public struct WeekPayment: Sendable, Hashable {
    public let id: Int64
    public let projectID: Int64
    public let week: TimesheetWeek
    public let payerID: Int64
    public let providerID: Int64
    public let minutes: Int
    public let amount: Money
    public let clientFee: Money
    public let feeTax: Money
    public let taxNote: String
    public let status: WeekPaymentStatus
    public let processor: PaymentProcessorKind
    public let processorPaymentID: String?
    public let card: CardSummary?
    /// Why the last charge did not go through, while the week waits to be charged again at `nextAttemptAt`.
    public let failure: PaymentFailure?
    public let attempts: Int
    public let nextAttemptAt: Date?
    public let commission: Money
    public let commissionTax: Money
    public let createdAt: Date
    public let paidAt: Date?
    public let releasedAt: Date?

    /// What the client is charged.
    public var total: Money { Money(minorUnits: amount.minorUnits + clientFee.minorUnits + feeTax.minorUnits, currency: amount.currency) }

    /// What the week's escrow holds, as the escrow arithmetic sees it.
    var escrow: Escrow {
        let zero = Money(minorUnits: 0, currency: amount.currency)
        return Escrow(amount: amount, clientFee: clientFee, feeTax: feeTax, released: status == .released ? amount : zero, refunded: zero)
    }

    static let columns: SQLQueryString = """
        id, project_id, week_start, payer_id, provider_id, minutes, currency, amount_minor, client_fee_minor, fee_tax_minor, tax_note, status,
        processor, processor_payment_id, card_brand, card_last_four, failure_code, attempts, next_attempt_at, commission_minor,
        commission_tax_minor, created_at, paid_at, released_at
        """

    init(row: any SQLRow) throws {
        let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
        func money(_ column: String) throws -> Money { Money(minorUnits: try row.decode(column: column, as: Int64.self), currency: currency) }
        id = try row.decode(column: "id", as: Int64.self)
        projectID = try row.decode(column: "project_id", as: Int64.self)
        week = TimesheetWeek(containing: try row.decode(column: "week_start", as: Date.self))
        payerID = try row.decode(column: "payer_id", as: Int64.self)
        providerID = try row.decode(column: "provider_id", as: Int64.self)
        minutes = try row.decode(column: "minutes", as: Int.self)
        amount = try money("amount_minor")
        clientFee = try money("client_fee_minor")
        feeTax = try money("fee_tax_minor")
        taxNote = try row.decode(column: "tax_note", as: String.self)
        status = try row.decodeState(column: "status", as: WeekPaymentStatus.self)
        processor = try row.decodeState(column: "processor", as: PaymentProcessorKind.self)
        processorPaymentID = try row.decodeIfPresent(column: "processor_payment_id", as: String.self)
        card = try row.decodeCard()
        failure = try row.decodeStateIfPresent(column: "failure_code", as: PaymentFailure.self)
        attempts = try row.decode(column: "attempts", as: Int.self)
        nextAttemptAt = try row.decodeIfPresent(column: "next_attempt_at", as: Date.self)
        commission = try money("commission_minor")
        commissionTax = try money("commission_tax_minor")
        createdAt = try row.decode(column: "created_at", as: Date.self)
        paidAt = try row.decodeIfPresent(column: "paid_at", as: Date.self)
        releasedAt = try row.decodeIfPresent(column: "released_at", as: Date.self)
    }
}
