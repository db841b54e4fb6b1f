import AgoraDomain
import Testing

@Suite("Money")
struct MoneyTests {
    @Test("amounts format with their symbol, grouping and cents only when there are any", arguments: [
        (Money(minorUnits: 4500, currency: .eur), "€45"),
        (Money(minorUnits: 4550, currency: .eur), "€45.50"),
        (Money(minorUnits: 4505, currency: .usd), "$45.05"),
        (Money(minorUnits: 123_456_789, currency: .gbp), "£1,234,567.89"),
        (Money(minorUnits: 12000, currency: try! CurrencyCode("JPY")), "¥12,000"),
        (Money(minorUnits: 93500, currency: try! CurrencyCode("SEK")), "SEK 935"),
        (Money(minorUnits: -250, currency: .eur), "-€2.50"),
    ])
    func formatting(money: Money, text: String) {
        #expect(money.formatted == text)
    }

    @Test("major units respect the currency's minor digits")
    func majorUnits() throws {
        #expect(Money.major(45, .eur).minorUnits == 4500)
        #expect(Money.major(45, try CurrencyCode("JPY")).minorUnits == 45)
    }

    @Test("unknown currencies are refused, codes are upper-cased")
    func currencies() throws {
        #expect(try CurrencyCode("eur") == .eur)
        #expect(throws: ValidationError.self) { try CurrencyCode("XYZ") }
        #expect(throws: ValidationError.self) { try CurrencyCode("") }
    }
}
