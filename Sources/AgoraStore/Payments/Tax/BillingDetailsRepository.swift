import AgoraDomain
import Foundation
import SQLKit

/// Members' billing details (`billing_details`): who their receipts are made out to and what decides their tax.
public struct BillingDetailsRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// The member's details; nil when they have given none.
    public func details(of userID: Int64) async throws -> BillingDetails? {
        try await Self.details(of: userID, on: store.sql)
    }

    /// Sets the member's details (checked by `BillingDetails`); they apply to payments and releases from now on.
    public func save(_ details: BillingDetails, for userID: Int64, now: Date) async throws {
        try await store.sql.raw("""
            INSERT INTO billing_details (user_id, name, country, region, address, tax_number, updated_at)
            VALUES (\(bind: userID), \(bind: details.name), \(bind: details.country), \(bind: details.region), \(bind: details.address),
                    \(bind: details.taxNumber?.value), \(bind: now))
            ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, country = excluded.country, region = excluded.region,
                address = excluded.address, tax_number = excluded.tax_number, updated_at = excluded.updated_at
            """).run()
    }

    static func details(of userID: Int64, on db: any SQLDatabase) async throws -> BillingDetails? {
        guard let row = try await db.raw("""
            SELECT name, country, region, address, tax_number FROM billing_details WHERE user_id = \(bind: userID)
            """).first() else { return nil }
        return BillingDetails(
            stored: try row.decode(column: "name", as: String.self), country: try row.decode(column: "country", as: String.self),
            region: try row.decodeIfPresent(column: "region", as: String.self), address: try row.decode(column: "address", as: String.self),
            taxNumber: try row.decodeIfPresent(column: "tax_number", as: String.self)
        )
    }
}
