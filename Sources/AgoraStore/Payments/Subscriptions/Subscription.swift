import AgoraDomain
import Foundation
import SQLKit

/// A provider's Pro subscription (`subscriptions`): where it stands, the period it is in and its price, whether it
/// ends with the period, the card it is charged to (nil: the default), and its retries after a declined renewal.
public struct Subscription: Sendable, Hashable {
    public let id: Int64
    public let userID: Int64
    public let plan: SubscriptionPlan
    public let status: SubscriptionStatus
    public let price: Money
    public let billingAnchor: Date
    public let periodsPaid: Int
    public let currentPeriodStart: Date
    public let currentPeriodEnd: Date
    public let cancelAtPeriodEnd: Bool
    public let paymentMethodID: Int64?
    public let processor: PaymentProcessorKind
    public let attempts: Int
    public let nextAttemptAt: Date?
    public let failure: PaymentFailure?
    public let createdAt: Date
    public let endedAt: Date?

    static let columns: SQLQueryString = """
        id, user_id, plan, status, currency, price_minor, billing_anchor, periods_paid, current_period_start, current_period_end,
        cancel_at_period_end, payment_method_id, processor, attempts, next_attempt_at, failure_code, created_at, ended_at
        """

    init(row: any SQLRow) throws {
        let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
        id = try row.decode(column: "id", as: Int64.self)
        userID = try row.decode(column: "user_id", as: Int64.self)
        plan = try row.decodeState(column: "plan", as: SubscriptionPlan.self)
        status = try row.decodeState(column: "status", as: SubscriptionStatus.self)
        price = Money(minorUnits: try row.decode(column: "price_minor", as: Int64.self), currency: currency)
        billingAnchor = try row.decode(column: "billing_anchor", as: Date.self)
        periodsPaid = try row.decode(column: "periods_paid", as: Int.self)
        currentPeriodStart = try row.decode(column: "current_period_start", as: Date.self)
        currentPeriodEnd = try row.decode(column: "current_period_end", as: Date.self)
        cancelAtPeriodEnd = try row.decode(column: "cancel_at_period_end", as: Bool.self)
        paymentMethodID = try row.decodeIfPresent(column: "payment_method_id", as: Int64.self)
        processor = try row.decodeState(column: "processor", as: PaymentProcessorKind.self)
        attempts = try row.decode(column: "attempts", as: Int.self)
        nextAttemptAt = try row.decodeIfPresent(column: "next_attempt_at", as: Date.self)
        failure = try row.decodeStateIfPresent(column: "failure_code", as: PaymentFailure.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
        endedAt = try row.decodeIfPresent(column: "ended_at", as: Date.self)
    }
}

/// One period's charge of a subscription (`subscription_invoices`): the price and the tax on it, the processor's
/// payment, and where it stands.
public struct SubscriptionInvoice: Sendable, Hashable {
    public let id: Int64
    public let subscriptionID: Int64
    public let period: Int
    public let periodStart: Date
    public let periodEnd: Date
    public let amount: Money
    public let tax: Money
    public let taxNote: String
    public let status: SubscriptionInvoiceStatus
    public let processorPaymentID: String?
    public let card: CardSummary?
    public let failure: PaymentFailure?
    public let attempts: Int
    public let createdAt: Date
    public let paidAt: Date?

    /// What the provider is charged.
    public var total: Money { Money(minorUnits: amount.minorUnits + tax.minorUnits, currency: amount.currency) }

    static let columns: SQLQueryString = """
        id, subscription_id, period, period_start, period_end, currency, amount_minor, tax_minor, tax_note, status, processor_payment_id,
        card_brand, card_last_four, failure_code, attempts, created_at, paid_at
        """

    init(row: any SQLRow) throws {
        let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
        id = try row.decode(column: "id", as: Int64.self)
        subscriptionID = try row.decode(column: "subscription_id", as: Int64.self)
        period = try row.decode(column: "period", as: Int.self)
        periodStart = try row.decode(column: "period_start", as: Date.self)
        periodEnd = try row.decode(column: "period_end", as: Date.self)
        amount = Money(minorUnits: try row.decode(column: "amount_minor", as: Int64.self), currency: currency)
        tax = Money(minorUnits: try row.decode(column: "tax_minor", as: Int64.self), currency: currency)
        taxNote = try row.decode(column: "tax_note", as: String.self)
        status = try row.decodeState(column: "status", as: SubscriptionInvoiceStatus.self)
        processorPaymentID = try row.decodeIfPresent(column: "processor_payment_id", as: String.self)
        card = try row.decodeCard()
        failure = try row.decodeStateIfPresent(column: "failure_code", as: PaymentFailure.self)
        attempts = try row.decode(column: "attempts", as: Int.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
        paidAt = try row.decodeIfPresent(column: "paid_at", as: Date.self)
    }
}
