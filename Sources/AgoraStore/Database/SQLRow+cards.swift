import AgoraDomain
import SQLKit

extension SQLRow {
    /// The card a payment was made with (`card_brand`, `card_last_four`), when it has one.
    func decodeCard() throws -> CardSummary? {
        let brand = try decodeStateIfPresent(column: "card_brand", as: CardBrand.self)
        let lastFour = try decodeIfPresent(column: "card_last_four", as: String.self)
        return brand.flatMap { brand in lastFour.map { CardSummary(brand: brand, lastFour: $0) } }
    }
}
