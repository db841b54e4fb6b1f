import AgoraDomain
import Foundation
import SQLKit

/// Money paid out of a provider's available balance to their bank account (`payouts`).
public struct Payout: Sendable, Hashable {
    public let id: Int64
    public let providerID: Int64
    public let amount: Money
    public let maskedIBAN: String
    public let status: PayoutStatus
    public let failure: PaymentFailure?
    public let createdAt: Date
    public let paidAt: Date?

    static let columns: SQLQueryString = "id, provider_id, currency, amount_minor, iban_masked, status, failure_code, created_at, paid_at"

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        providerID = try row.decode(column: "provider_id", as: Int64.self)
        amount = Money(
            minorUnits: try row.decode(column: "amount_minor", as: Int64.self),
            currency: try CurrencyCode(try row.decode(column: "currency", as: String.self))
        )
        maskedIBAN = try row.decode(column: "iban_masked", as: String.self)
        status = try row.decodeState(column: "status", as: PayoutStatus.self)
        failure = try row.decodeStateIfPresent(column: "failure_code", as: PaymentFailure.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
        paidAt = try row.decodeIfPresent(column: "paid_at", as: Date.self)
    }
}

/// A provider's payout account as stored.
public struct PayoutAccount: Sendable, Hashable {
    public let details: PayoutAccountDetails
    public let updatedAt: Date
}
