import AgoraDomain
import Foundation
import SQLKit

/// One line of a person's transactions (`MoneyMovementRepository`): a payment they made, a refund they got, an
/// earning released to them or a payout to their bank, with the project and the other party it concerns. Every
/// movement is one ledger transaction's, whose id orders them.
public struct MoneyMovement: Sendable, Hashable {
    public let id: MoneyMovementID
    public let ledgerTransactionID: Int64
    public let occurredAt: Date
    /// The milestone's part (payments, refunds, earnings) or the payout.
    public let amount: Money
    /// The service fee (payments, refunds) or the commission (earnings); nothing for payouts.
    public let fee: Money
    /// The tax on the fee, and what receipts print about it (`TaxTreatment.note`; empty for payouts and for money
    /// that moved before fees were taxed).
    public let tax: Money
    public let taxNote: String
    public let state: MoneyMovementState
    public let project: Reference?
    public let milestone: Reference?
    /// The other party: the provider paid, or the client an earning came from.
    public let counterpartName: String?
    /// The card paid with, the bank account paid to, or the reason of a refund.
    public let detail: String?
    /// Why a payout failed.
    public let failure: PaymentFailure?

    /// A project or a milestone, by id and title.
    public struct Reference: Sendable, Hashable {
        public let id: Int64
        public let title: String
    }

    /// What reached or left the person: `MoneyMovementKind.total`.
    public var total: Money {
        Money(minorUnits: id.kind.total(amount: amount.minorUnits, fee: fee.minorUnits, tax: tax.minorUnits), currency: amount.currency)
    }

    /// Where the next page starts: after this movement.
    public var cursor: MoneyMovementCursor { MoneyMovementCursor(transactionID: ledgerTransactionID, rank: id.kind.rank) }

    init(row: any SQLRow) throws {
        let rank = try row.decode(column: "kind_rank", as: Int.self)
        guard let kind = MoneyMovementKind(rank: rank) else {
            throw StoreError.conflict("a movement of an unknown kind (\(rank))")
        }
        let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
        let status = try row.decode(column: "status", as: String.self)
        id = MoneyMovementID(kind, try row.decode(column: "record_id", as: Int64.self))
        ledgerTransactionID = try row.decode(column: "transaction_id", as: Int64.self)
        occurredAt = try row.decode(column: "occurred_at", as: Date.self)
        amount = Money(minorUnits: try row.decode(column: "amount_minor", as: Int64.self), currency: currency)
        fee = Money(minorUnits: try row.decode(column: "fee_minor", as: Int64.self), currency: currency)
        tax = Money(minorUnits: try row.decode(column: "tax_minor", as: Int64.self), currency: currency)
        taxNote = try row.decode(column: "tax_note", as: String.self)
        guard let state = MoneyMovementState(kind, status: status) else {
            throw StoreError.conflict("a \(kind.rawValue) in an unknown state (\(status))")
        }
        self.state = state
        if let projectID = try row.decodeIfPresent(column: "project_id", as: Int64.self) {
            project = Reference(id: projectID, title: try row.decode(column: "project_title", as: String.self))
        } else {
            project = nil
        }
        if let milestoneID = try row.decodeIfPresent(column: "milestone_id", as: Int64.self) {
            milestone = Reference(id: milestoneID, title: try row.decode(column: "milestone_title", as: String.self))
        } else {
            milestone = nil
        }
        if let first = try row.decodeIfPresent(column: "first_name", as: String.self) {
            let last = try row.decodeIfPresent(column: "last_name", as: String.self) ?? ""
            counterpartName = ClientIdentity.publicName(firstName: first, lastName: last)
        } else {
            counterpartName = nil
        }
        let detail = try row.decodeIfPresent(column: "detail", as: String.self)
        switch kind {
        case .payment, .weekPayment, .plan:
            let brand = try row.decodeStateIfPresent(column: "detail", as: CardBrand.self)
            let lastFour = try row.decodeIfPresent(column: "detail_extra", as: String.self)
            self.detail = brand.map { CardSummary(brand: $0, lastFour: lastFour ?? "").label }
            failure = nil
        case .payout:
            self.detail = detail
            failure = try row.decodeStateIfPresent(column: "detail_extra", as: PaymentFailure.self)
        case .refund, .earning, .weekEarning:
            self.detail = detail
            failure = nil
        }
    }
}

/// Where a page of movements starts: strictly before this ledger transaction, or in it before this kind.
public struct MoneyMovementCursor: Sendable, Hashable, CustomStringConvertible {
    public let transactionID: Int64
    public let rank: Int

    public init(transactionID: Int64, rank: Int) {
        self.transactionID = transactionID
        self.rank = rank
    }

    /// Reads `123.2`, as `description` writes it; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".")
        guard parts.count == 2, let transactionID = Int64(parts[0]), transactionID > 0, let rank = Int(parts[1]),
              MoneyMovementKind(rank: rank) != nil else { return nil }
        self.init(transactionID: transactionID, rank: rank)
    }

    public var description: String { "\(transactionID).\(rank)" }
}

/// Which of a person's movements to list.
public struct MoneyMovementFilter: Sendable, Hashable {
    public var kinds: [MoneyMovementKind] = []
    public var currency: CurrencyCode?
    /// From this time on (inclusive) and before `until`.
    public var from: Date?
    public var until: Date?
    public var projectID: Int64?

    public init() {}
}
