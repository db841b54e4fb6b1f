import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// One of a person's transactions, from their side: `total` reached them (`direction` in) or left them (out).
struct MoneyMovementBody: Encodable {
    struct Reference: Encodable {
        let id: Int64
        let title: String
    }

    let id: String
    let kind: String
    let direction: String
    let state: String
    let occurredAt: Date
    let amount: MoneyBody
    let fee: MoneyBody
    let feeLabel: String
    /// The tax on the fee, and the note receipts print about it (its rate and place, or why none was charged).
    let tax: MoneyBody
    let taxNote: String
    let total: MoneyBody
    let project: Reference?
    let milestone: Reference?
    let counterpartName: String?
    let detail: String?
    let failure: PaymentFailureBody?
    let receiptUrl: String

    init(_ movement: MoneyMovement) {
        id = movement.id.description
        kind = movement.id.kind.rawValue
        direction = movement.id.kind.isIncoming ? "in" : "out"
        state = movement.state.rawValue
        occurredAt = movement.occurredAt
        amount = MoneyBody(movement.amount)
        fee = MoneyBody(movement.fee)
        feeLabel = movement.id.kind.feeLabel
        tax = MoneyBody(movement.tax)
        taxNote = movement.taxNote
        total = MoneyBody(movement.total)
        project = movement.project.map { Reference(id: $0.id, title: $0.title) }
        milestone = movement.milestone.map { Reference(id: $0.id, title: $0.title) }
        counterpartName = movement.counterpartName
        detail = movement.detail
        failure = movement.failure.map(PaymentFailureBody.init)
        receiptUrl = PagePaths.receipt(movement.id.description)
    }
}

struct MoneyMovementListBody: Encodable {
    let transactions: [MoneyMovementBody]
    /// The `before` of the next page; nil on the last.
    let nextBefore: String?
}

/// A receipt for one transaction: who it was issued to, its lines (they add up to the total) and the transaction.
struct ReceiptBody: ResponseEncodable {
    struct Line: Encodable {
        let label: String
        let amount: MoneyBody
    }

    let number: String
    let issuedTo: String
    /// From the member's billing details, when they gave them.
    let address: String?
    let country: String?
    let taxNumber: String?
    let title: String
    let lines: [Line]
    let transaction: MoneyMovementBody

    init(_ movement: MoneyMovement, issuedTo: String, billing: BillingDetails?) {
        number = movement.id.description.uppercased()
        self.issuedTo = billing?.name ?? issuedTo
        address = billing.map(\.address).flatMap { $0.isEmpty ? nil : $0 }
        country = billing.map { Countries.name(of: $0.country) + ($0.region.map { ", \($0)" } ?? "") }
        taxNumber = billing?.taxNumber?.value
        title = movement.id.kind.label
        lines = movement.id.kind.receiptLines(
            amount: movement.amount, fee: movement.fee, tax: movement.tax, taxNote: movement.taxNote,
            subject: movement.milestone?.title ?? movement.project?.title
        )
            .map { Line(label: $0.label, amount: MoneyBody($0.amount)) }
        transaction = MoneyMovementBody(movement)
    }
}

/// What one currency's movements add up to (`MoneyTotals`).
struct MoneyTotalsBody: Encodable {
    let currency: String
    let paid: MoneyBody
    let serviceFees: MoneyBody
    let refunded: MoneyBody
    let netSpent: MoneyBody
    let earned: MoneyBody
    let commission: MoneyBody
    /// The tax on service fees (a client's) and on commission (a provider's).
    let taxOnFees: MoneyBody
    let netEarned: MoneyBody
    let paidOut: MoneyBody
    /// Paid for the provider's plan, tax included.
    let plans: MoneyBody
    let transactions: Int

    init(_ totals: MoneyTotals) {
        currency = totals.currency.code
        paid = MoneyBody(totals.money(totals.paid))
        serviceFees = MoneyBody(totals.money(totals.serviceFees))
        refunded = MoneyBody(totals.money(totals.refunded))
        netSpent = MoneyBody(totals.money(totals.netSpent))
        earned = MoneyBody(totals.money(totals.earned))
        commission = MoneyBody(totals.money(totals.commission))
        taxOnFees = MoneyBody(totals.money(totals.taxOnFees))
        netEarned = MoneyBody(totals.money(totals.netEarned))
        paidOut = MoneyBody(totals.money(totals.paidOut))
        plans = MoneyBody(totals.money(totals.plans))
        transactions = totals.movements
    }
}

/// A person's year: the totals per currency, each month's (1–12, every month present), and the years they have
/// transactions in.
struct StatementBody: Encodable {
    struct Month: Encodable {
        let month: Int
        let totals: [MoneyTotalsBody]
    }

    let year: Int
    let totals: [MoneyTotalsBody]
    let months: [Month]
    let years: [Int]
    let csvUrl: String

    init(_ statement: MoneyStatement, years: [Int]) {
        year = statement.year
        let currencies = statement.currencies
        totals = currencies.compactMap { statement.totals[$0] }.map(MoneyTotalsBody.init)
        months = (1...12).map { month in
            Month(month: month, totals: currencies.map { statement.months[month]?[$0] ?? MoneyTotals(currency: $0) }.map(MoneyTotalsBody.init))
        }
        self.years = years
        csvUrl = "/api/statements/\(statement.year)?format=csv"
    }
}

/// Transactions as CSV (`CSVText`), one line each, amounts unsigned with their direction (a leading minus would be
/// read as a formula and quoted away).
enum MoneyMovementCSV {
    static let header = [
        "id", "occurred_at", "kind", "direction", "state", "currency", "amount", "fee", "fee_kind", "tax", "tax_note", "total", "project_id", "project",
        "milestone", "counterpart", "detail",
    ]

    static func response(_ movements: [MoneyMovement], name: String) -> Response {
        let time = ISO8601DateFormatter()
        var text = CSVText.line(header)
        for movement in movements {
            text += CSVText.line([
                movement.id.description, time.string(from: movement.occurredAt), movement.id.kind.rawValue,
                movement.id.kind.isIncoming ? "in" : "out", movement.state.rawValue, movement.amount.currency.code,
                movement.amount.majorText, movement.fee.majorText, movement.id.kind.feeLabel, movement.tax.majorText,
                movement.taxNote, movement.total.majorText,
                movement.project.map { String($0.id) } ?? "", movement.project?.title ?? "", movement.milestone?.title ?? "",
                movement.counterpartName ?? "", movement.detail ?? "",
            ])
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"\(name).csv\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
