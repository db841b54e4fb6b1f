import AgoraDomain
import Foundation
import SQLKit

/// A card a member saved with a processor for later charges (`payment_methods`): what the platform keeps of it, the
/// processor's id to charge it by, and whether it is the one charged when nobody chooses (hourly weeks).
public struct SavedPaymentMethod: Sendable, Hashable {
    public let id: Int64
    public let userID: Int64
    public let processor: PaymentProcessorKind
    public let processorMethodID: String
    public let card: CardSummary
    public let expiryMonth: Int
    public let expiryYear: Int
    public let isDefault: Bool
    public let createdAt: Date

    static let columns: SQLQueryString = """
        id, user_id, processor, processor_method_id, card_brand, card_last_four, expiry_month, expiry_year, is_default, created_at
        """

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        userID = try row.decode(column: "user_id", as: Int64.self)
        processor = try row.decodeState(column: "processor", as: PaymentProcessorKind.self)
        processorMethodID = try row.decode(column: "processor_method_id", as: String.self)
        card = CardSummary(
            brand: try row.decodeState(column: "card_brand", as: CardBrand.self), lastFour: try row.decode(column: "card_last_four", as: String.self)
        )
        expiryMonth = try row.decode(column: "expiry_month", as: Int.self)
        expiryYear = try row.decode(column: "expiry_year", as: Int.self)
        isDefault = try row.decode(column: "is_default", as: Bool.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
    }
}
