import AgoraDomain
import Crypto
import Foundation
import SQLKit

/// The local processor's own records (`local_payment_intents`, `local_refunds`): where Stripe's servers keep its
/// payment intents and refunds, the embedded processor keeps them in the same database, apart from the platform's
/// payments. Ids are made from the caller's idempotency key, so creating twice with one key finds the first.
public struct LocalProcessorBook: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// A payment intent of the local processor.
    public struct Intent: Sendable, Hashable {
        public let id: String
        public let amount: Money
        public let status: PaymentStatus
        public let cardBrand: CardBrand?
        public let cardLastFour: String?
        public let failure: PaymentFailure?
        public let refunded: Money
        /// When the money of a succeeded intent counts as settled with the processor.
        public let settlesAt: Date?
    }

    /// The intent for `idempotencyKey`, created when it does not exist yet.
    public func create(amount: Money, description: String, idempotencyKey: String, now: Date) async throws -> Intent {
        let id = Self.id("pi_local_", idempotencyKey)
        try await store.sql.raw("""
            INSERT INTO local_payment_intents (id, amount_minor, currency, description, status, created_at, updated_at)
            VALUES (\(bind: id), \(bind: amount.minorUnits), \(bind: amount.currency.code), \(bind: description),
                    \(state: PaymentStatus.requiresPaymentMethod), \(bind: now), \(bind: now))
            ON CONFLICT (id) DO NOTHING
            """).run()
        guard let intent = try await intent(id) else { throw StoreError.notFound("the payment intent") }
        guard intent.amount == amount else { throw StoreError.conflict("this idempotency key created a payment intent for another amount") }
        return intent
    }

    public func intent(_ id: String) async throws -> Intent? {
        try await store.sql.raw("""
            SELECT id, amount_minor, currency, status, card_brand, card_last_four, failure_code, refunded_minor, settles_at
            FROM local_payment_intents WHERE id = \(bind: id)
            """).first().map(Self.intent(from:))
    }

    /// Moves an intent on, when it is still in `from` (a confirmation racing another sees a conflict).
    public func move(
        _ id: String, from: PaymentStatus, to: PaymentStatus, card: CardSummary?, failure: PaymentFailure?, settlesAt: Date?, now: Date
    ) async throws -> Intent {
        let updated = try await store.sql.raw("""
            UPDATE local_payment_intents
            SET status = \(state: to), card_brand = COALESCE(\(bind: card?.brand.rawValue), card_brand),
                card_last_four = COALESCE(\(bind: card?.lastFour), card_last_four), failure_code = \(bind: failure?.rawValue),
                settles_at = \(bind: settlesAt), updated_at = \(bind: now)
            WHERE id = \(bind: id) AND status = \(state: from)
            RETURNING id, amount_minor, currency, status, card_brand, card_last_four, failure_code, refunded_minor, settles_at
            """).first()
        guard let updated else { throw StoreError.conflict("the payment intent changed at the same time") }
        return try Self.intent(from: updated)
    }

    /// Refunds part of a succeeded intent, at most what was not refunded yet; the same key answers the same refund.
    public func refund(_ intentID: String, amount: Money, idempotencyKey: String, now: Date) async throws -> String {
        let refundID = Self.id("re_local_", idempotencyKey)
        return try await store.transaction { db in
            if let existing = try await db.raw("SELECT intent_id, amount_minor FROM local_refunds WHERE id = \(bind: refundID)").first() {
                guard try existing.decode(column: "intent_id", as: String.self) == intentID,
                      try existing.decode(column: "amount_minor", as: Int64.self) == amount.minorUnits else {
                    throw StoreError.conflict("this idempotency key refunded something else")
                }
                return refundID
            }
            let moved = try await db.raw("""
                UPDATE local_payment_intents SET refunded_minor = refunded_minor + \(bind: amount.minorUnits), updated_at = \(bind: now)
                WHERE id = \(bind: intentID) AND status = \(state: PaymentStatus.succeeded) AND currency = \(bind: amount.currency.code)
                  AND refunded_minor + \(bind: amount.minorUnits) <= amount_minor
                RETURNING id
                """).all()
            guard !moved.isEmpty else { throw StoreError.conflict("the payment intent cannot refund \(amount.formatted)") }
            try await db.raw("""
                INSERT INTO local_refunds (id, intent_id, amount_minor, idempotency_key, created_at)
                VALUES (\(bind: refundID), \(bind: intentID), \(bind: amount.minorUnits), \(bind: idempotencyKey), \(bind: now))
                """).run()
            return refundID
        }
    }

    /// Records a transfer to a bank account, failed with `failure` or made; the same key answers the same transfer.
    public func payout(amount: Money, iban: String, failure: PaymentFailure?, idempotencyKey: String, now: Date) async throws -> (id: String, failure: PaymentFailure?) {
        let payoutID = Self.id("po_local_", idempotencyKey)
        try await store.sql.raw("""
            INSERT INTO local_payouts (id, amount_minor, currency, iban, failure_code, created_at)
            VALUES (\(bind: payoutID), \(bind: amount.minorUnits), \(bind: amount.currency.code), \(bind: iban), \(bind: failure?.rawValue), \(bind: now))
            ON CONFLICT (id) DO NOTHING
            """).run()
        guard let row = try await store.sql.raw("SELECT failure_code FROM local_payouts WHERE id = \(bind: payoutID)").first() else {
            throw StoreError.notFound("the payout")
        }
        return (payoutID, try row.decodeStateIfPresent(column: "failure_code", as: PaymentFailure.self))
    }

    /// Saves a test card for later charges under `idempotencyKey` (the same key finds the first); returns its id.
    public func saveMethod(_ card: LocalTestCard, idempotencyKey: String, now: Date) async throws -> String {
        let methodID = Self.id("pm_local_", idempotencyKey)
        try await store.sql.raw("""
            INSERT INTO local_payment_methods (id, test_card, created_at) VALUES (\(bind: methodID), \(bind: card.name), \(bind: now))
            ON CONFLICT (id) DO NOTHING
            """).run()
        return methodID
    }

    /// The test card a saved method is; nil when there is no such method or it was detached.
    public func savedCard(_ methodID: String) async throws -> LocalTestCard? {
        guard let row = try await store.sql.raw("""
            SELECT test_card FROM local_payment_methods WHERE id = \(bind: methodID) AND detached_at IS NULL
            """).first() else { return nil }
        return LocalTestCard(name: try row.decode(column: "test_card", as: String.self))
    }

    /// Detaches a saved method: it can no longer be charged.
    public func detachMethod(_ methodID: String, now: Date) async throws {
        try await store.sql.raw("""
            UPDATE local_payment_methods SET detached_at = \(bind: now) WHERE id = \(bind: methodID) AND detached_at IS NULL
            """).run()
    }

    private static func id(_ prefix: String, _ key: String) -> String {
        prefix + SHA256.hash(data: Data(key.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
    }

    private static func intent(from row: any SQLRow) throws -> Intent {
        let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
        return Intent(
            id: try row.decode(column: "id", as: String.self),
            amount: Money(minorUnits: try row.decode(column: "amount_minor", as: Int64.self), currency: currency),
            status: try row.decodeState(column: "status", as: PaymentStatus.self),
            cardBrand: try row.decodeStateIfPresent(column: "card_brand", as: CardBrand.self),
            cardLastFour: try row.decodeIfPresent(column: "card_last_four", as: String.self),
            failure: try row.decodeStateIfPresent(column: "failure_code", as: PaymentFailure.self),
            refunded: Money(minorUnits: try row.decode(column: "refunded_minor", as: Int64.self), currency: currency),
            settlesAt: try row.decodeIfPresent(column: "settles_at", as: Date.self)
        )
    }
}
