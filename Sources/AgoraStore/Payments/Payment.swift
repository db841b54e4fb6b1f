import AgoraDomain
import Foundation
import SQLKit

/// One attempt to fund a milestone (`payments`): the milestone's amount plus the client's fee and the tax on it,
/// taken by a processor.
public struct Payment: Sendable, Hashable {
    public let id: Int64
    public let projectID: Int64
    public let milestoneID: Int64
    public let payerID: Int64
    public let amount: Money
    public let clientFee: Money
    /// The tax on the client's fee, and what receipts print about it (`TaxTreatment.note`).
    public let feeTax: Money
    public let taxNote: String
    public let status: PaymentStatus
    public let processor: PaymentProcessorKind
    /// The processor's id for it (a payment intent's), once the processor has one.
    public let processorPaymentID: String?
    /// The card last tried, as receipts show it.
    public let cardBrand: CardBrand?
    public let cardLastFour: String?
    /// Why the last card was declined, while it waits for another.
    public let failure: PaymentFailure?
    public let createdAt: Date
    public let updatedAt: Date
    public let succeededAt: Date?

    /// What the payer is charged.
    public var total: Money { Money(minorUnits: amount.minorUnits + clientFee.minorUnits + feeTax.minorUnits, currency: amount.currency) }

    static let columns: SQLQueryString = """
        id, project_id, milestone_id, payer_id, currency, amount_minor, client_fee_minor, fee_tax_minor, tax_note, status, processor, processor_payment_id,
        card_brand, card_last_four, failure_code, created_at, updated_at, succeeded_at
        """

    init(row: any SQLRow) throws {
        let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
        id = try row.decode(column: "id", as: Int64.self)
        projectID = try row.decode(column: "project_id", as: Int64.self)
        milestoneID = try row.decode(column: "milestone_id", as: Int64.self)
        payerID = try row.decode(column: "payer_id", as: Int64.self)
        amount = Money(minorUnits: try row.decode(column: "amount_minor", as: Int64.self), currency: currency)
        clientFee = Money(minorUnits: try row.decode(column: "client_fee_minor", as: Int64.self), currency: currency)
        feeTax = Money(minorUnits: try row.decode(column: "fee_tax_minor", as: Int64.self), currency: currency)
        taxNote = try row.decode(column: "tax_note", as: String.self)
        status = try row.decodeState(column: "status", as: PaymentStatus.self)
        processor = try row.decodeState(column: "processor", as: PaymentProcessorKind.self)
        processorPaymentID = try row.decodeIfPresent(column: "processor_payment_id", as: String.self)
        cardBrand = try row.decodeStateIfPresent(column: "card_brand", as: CardBrand.self)
        cardLastFour = try row.decodeIfPresent(column: "card_last_four", as: String.self)
        failure = try row.decodeStateIfPresent(column: "failure_code", as: PaymentFailure.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
        updatedAt = try row.decode(column: "updated_at", as: Date.self)
        succeededAt = try row.decodeIfPresent(column: "succeeded_at", as: Date.self)
    }
}

/// Money given back out of a payment's escrow (`payment_refunds`): taken out of escrow when decided, then paid back
/// through the processor.
public struct PaymentRefund: Sendable, Hashable {
    public let id: Int64
    public let paymentID: Int64
    /// The part of the milestone's amount refunded, and the shares of the client's fee and of its tax that go back
    /// with it.
    public let amount: Money
    public let feeShare: Money
    public let feeTaxShare: Money
    public let reason: String
    public let requestedBy: Int64?
    public let status: RefundStatus
    public let processorRefundID: String?
    public let createdAt: Date

    /// What the payer gets back.
    public var total: Money { Money(minorUnits: amount.minorUnits + feeShare.minorUnits + feeTaxShare.minorUnits, currency: amount.currency) }

    static let columns: SQLQueryString = """
        r.id, r.payment_id, r.amount_minor, r.fee_share_minor, r.fee_tax_share_minor, r.reason, r.requested_by, r.status, r.processor_refund_id, r.created_at, p.currency
        """

    init(row: any SQLRow) throws {
        let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
        id = try row.decode(column: "id", as: Int64.self)
        paymentID = try row.decode(column: "payment_id", as: Int64.self)
        amount = Money(minorUnits: try row.decode(column: "amount_minor", as: Int64.self), currency: currency)
        feeShare = Money(minorUnits: try row.decode(column: "fee_share_minor", as: Int64.self), currency: currency)
        feeTaxShare = Money(minorUnits: try row.decode(column: "fee_tax_share_minor", as: Int64.self), currency: currency)
        reason = try row.decode(column: "reason", as: String.self)
        requestedBy = try row.decodeIfPresent(column: "requested_by", as: Int64.self)
        status = try row.decodeState(column: "status", as: RefundStatus.self)
        processorRefundID = try row.decodeIfPresent(column: "processor_refund_id", as: String.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
    }
}
