import AgoraDomain
import Foundation
import SQLKit

/// Members' saved cards (`payment_methods`). A member has at most one default among the cards not removed: the
/// first saved becomes it, a card saved as the default takes it over, and removing the default passes it to the
/// newest card left. Removed cards are kept, marked, for the payments made with them.
public struct PaymentMethodRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// The member's cards, the default first, then the newest.
    public func methods(of userID: Int64) async throws -> [SavedPaymentMethod] {
        try await store.sql.raw("""
            SELECT \(SavedPaymentMethod.columns) FROM payment_methods WHERE user_id = \(bind: userID) AND removed_at IS NULL
            ORDER BY is_default DESC, id DESC
            """).all().map(SavedPaymentMethod.init(row:))
    }

    /// One of the member's cards; nil for a removed one or someone else's.
    public func method(_ id: Int64, of userID: Int64) async throws -> SavedPaymentMethod? {
        try await store.sql.raw("""
            SELECT \(SavedPaymentMethod.columns) FROM payment_methods WHERE id = \(bind: id) AND user_id = \(bind: userID) AND removed_at IS NULL
            """).first().map(SavedPaymentMethod.init(row:))
    }

    /// The card charged when nobody chooses one; nil when the member saved none.
    public func defaultMethod(of userID: Int64) async throws -> SavedPaymentMethod? {
        try await methods(of: userID).first
    }

    /// Records a card the processor saved; the default when asked, or when it is the member's first.
    public func add(
        userID: Int64, processor: PaymentProcessorKind, processorMethodID: String, card: CardSummary, expiryMonth: Int, expiryYear: Int,
        makeDefault: Bool, now: Date
    ) async throws -> SavedPaymentMethod {
        try await store.transaction { db in
            try await Self.lockMember(userID, on: db)
            let hasOthers = try await db.raw("""
                SELECT id FROM payment_methods WHERE user_id = \(bind: userID) AND removed_at IS NULL LIMIT 1
                """).first() != nil
            let isDefault = makeDefault || !hasOthers
            if isDefault { try await Self.clearDefault(of: userID, on: db) }
            guard let row = try await db.raw("""
                INSERT INTO payment_methods
                    (user_id, processor, processor_method_id, card_brand, card_last_four, expiry_month, expiry_year, is_default, created_at)
                VALUES (\(bind: userID), \(state: processor), \(bind: processorMethodID), \(state: card.brand), \(bind: card.lastFour),
                        \(bind: expiryMonth), \(bind: expiryYear), \(bind: isDefault), \(bind: now))
                RETURNING \(SavedPaymentMethod.columns)
                """).first() else { throw StoreError.conflict("the card was not saved") }
            return try SavedPaymentMethod(row: row)
        }
    }

    /// Makes one of the member's cards the default; nil when it is not theirs.
    public func makeDefault(_ id: Int64, of userID: Int64) async throws -> SavedPaymentMethod? {
        try await store.transaction { db in
            try await Self.lockMember(userID, on: db)
            guard try await db.raw("""
                SELECT id FROM payment_methods WHERE id = \(bind: id) AND user_id = \(bind: userID) AND removed_at IS NULL
                """).first() != nil else { return nil }
            try await Self.clearDefault(of: userID, on: db)
            return try await db.raw("""
                UPDATE payment_methods SET is_default = \(bind: true) WHERE id = \(bind: id) RETURNING \(SavedPaymentMethod.columns)
                """).first().map(SavedPaymentMethod.init(row:))
        }
    }

    /// Removes one of the member's cards (the newest left becomes the default if it was); nil when it is not theirs.
    public func remove(_ id: Int64, of userID: Int64, now: Date) async throws -> SavedPaymentMethod? {
        try await store.transaction { db in
            try await Self.lockMember(userID, on: db)
            guard let row = try await db.raw("""
                UPDATE payment_methods SET removed_at = \(bind: now), is_default = \(bind: false)
                WHERE id = \(bind: id) AND user_id = \(bind: userID) AND removed_at IS NULL
                RETURNING \(SavedPaymentMethod.columns)
                """).first() else { return nil }
            let removed = try SavedPaymentMethod(row: row)
            let defaultLeft = try await db.raw("""
                SELECT id FROM payment_methods WHERE user_id = \(bind: userID) AND removed_at IS NULL AND is_default = \(bind: true)
                """).first() != nil
            if !defaultLeft {
                try await db.raw("""
                    UPDATE payment_methods SET is_default = \(bind: true)
                    WHERE id = (SELECT MAX(id) FROM payment_methods WHERE user_id = \(bind: userID) AND removed_at IS NULL)
                    """).run()
            }
            return removed
        }
    }

    private static func clearDefault(of userID: Int64, on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE payment_methods SET is_default = \(bind: false) WHERE user_id = \(bind: userID) AND is_default = \(bind: true)").run()
    }

    /// Changes to one member's cards take turns, so that two at once never leave two defaults or none (SQLite's
    /// writers take turns already).
    private static func lockMember(_ userID: Int64, on db: any SQLDatabase) async throws {
        guard db.dialect.name == "postgresql" else { return }
        _ = try await db.raw("SELECT id FROM users WHERE id = \(bind: userID) FOR UPDATE").all()
    }
}
