import AgoraDomain
import Foundation
import SQLKit

/// Each member's customer at a hosted processor (Stripe's `cus_…`), which their saved cards hang from: one per member
/// and processor, made once.
public struct ProcessorCustomerRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// The member's customer at `processor`, if one was made.
    public func customer(of userID: Int64, at processor: PaymentProcessorKind) async throws -> String? {
        try await store.sql.raw("""
            SELECT customer_id FROM processor_customers WHERE user_id = \(bind: userID) AND processor = \(state: processor)
            """).first()?.decode(column: "customer_id", as: String.self)
    }

    /// Records the customer made for the member; when another was recorded first (two requests at once), that one.
    public func record(_ customerID: String, of userID: Int64, at processor: PaymentProcessorKind, now: Date) async throws -> String {
        try await store.sql.raw("""
            INSERT INTO processor_customers (user_id, processor, customer_id, created_at)
            VALUES (\(bind: userID), \(state: processor), \(bind: customerID), \(bind: now))
            ON CONFLICT DO NOTHING
            """).run()
        guard let recorded = try await customer(of: userID, at: processor) else { throw StoreError.conflict("the processor's customer was not recorded") }
        return recorded
    }

    /// The member's email, which the processor's customer carries.
    public func email(of userID: Int64) async throws -> String? {
        try await store.sql.raw("SELECT email FROM users WHERE id = \(bind: userID)").first()?.decode(column: "email", as: String.self)
    }
}
