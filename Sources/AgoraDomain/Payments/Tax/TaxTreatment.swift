/// What tax a member pays on a platform fee, and why: the rate of their place; none because a business abroad
/// accounts for it itself (reverse charge); or none because no rate is set for their place. `tax(on:)` is the one
/// computation of a tax line; `note` is what receipts print beside it.
public enum TaxTreatment: Sendable, Hashable {
    case charged(TaxRate)
    case reverseCharge(TaxNumber)
    case exempt(country: String?)

    /// The tax on `fee`, rounded once.
    public func tax(on fee: Money) -> Money {
        guard case .charged(let rate) = self else { return Money(minorUnits: 0, currency: fee.currency) }
        return rate.rate.of(fee)
    }

    /// The line a receipt prints about the tax: `VAT 19 % (Germany)`; `Reverse charge: the customer accounts for
    /// VAT (DE123456789)`; `No tax on fees in Japan`.
    public var note: String {
        switch self {
        case .charged(let rate): rate.label
        case .reverseCharge(let number): "Reverse charge: the customer accounts for the tax (\(number))"
        case .exempt(let country): country.map { "No tax on fees in \(Countries.name(of: $0))" } ?? "No tax on fees"
        }
    }
}

/// How the platform taxes its fees: the rate of the member's place (their region's where one is set, else their
/// country's), except for a business with a tax number outside the platform's own country, which accounts for the
/// tax itself (the EU's reverse charge). A member without billing details pays the platform country's rate; a place
/// without a rate pays none (with no rates at all, nobody pays any).
public struct TaxPolicy: Sendable, Hashable {
    public let rates: [TaxRate]
    /// Where the platform is established (ISO 3166-1 alpha-2).
    public let platformCountry: String

    public init(rates: [TaxRate], platformCountry: String) {
        self.rates = rates
        self.platformCountry = platformCountry
    }

    public func treatment(for details: BillingDetails?) -> TaxTreatment {
        let country = details?.country ?? platformCountry
        let region = details?.region
        guard let rate = rates.first(where: { $0.country == country && $0.region != nil && $0.region == region })
            ?? rates.first(where: { $0.country == country && $0.region == nil })
        else { return .exempt(country: country) }
        if let number = details?.taxNumber, country != platformCountry { return .reverseCharge(number) }
        return .charged(rate)
    }
}
