/// The tax charged on the platform's fees in one place: a country (ISO 3166-1 alpha-2), or one of its regions
/// (`US-CA`, the subdivision part of ISO 3166-2), at a rate, under the tax's name (VAT, GST, sales tax).
public struct TaxRate: Sendable, Hashable {
    public let country: String
    public let region: String?
    public let rate: Percentage
    public let name: String

    public static let nameLength = 1...30

    /// The standard VAT rates of the EU's members and the United Kingdom as published for 2026: what the demo sets
    /// (`tax.rates` starts empty; the platform's operator lists the rates of where it is established and sells).
    public static let standardRates: [TaxRate] = [
        ("AT", 2_000), ("BE", 2_100), ("BG", 2_000), ("CY", 1_900), ("CZ", 2_100), ("DE", 1_900), ("DK", 2_500), ("EE", 2_400),
        ("ES", 2_100), ("FI", 2_550), ("FR", 2_000), ("GB", 2_000), ("GR", 2_400), ("HR", 2_500), ("HU", 2_700), ("IE", 2_300),
        ("IT", 2_200), ("LT", 2_100), ("LU", 1_700), ("LV", 2_100), ("MT", 1_800), ("NL", 2_100), ("PL", 2_300), ("PT", 2_300),
        ("RO", 2_100), ("SE", 2_500), ("SI", 2_200), ("SK", 2_300),
    ].map { TaxRate(country: $0.0, rate: Percentage(basisPoints: $0.1), name: "VAT") }

    public init(country: String, region: String? = nil, rate: Percentage, name: String) {
        self.country = country
        self.region = region
        self.rate = rate
        self.name = name
    }

    /// `DE 19% VAT`, `US-CA 7.25% sales tax`.
    public init?(line: String) {
        let words = line.rateWords
        guard words.count >= 3, let place = TaxPlace(words[0]), let rate = Percentage(words[1]) else { return nil }
        let name = words.dropFirst(2).joined(separator: " ")
        guard Self.nameLength.contains(name.count), name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" }) else { return nil }
        self.init(country: place.country, region: place.region, rate: rate, name: name)
    }

    /// The country, or the country and region (`US-CA`): the key of the table.
    public var place: String { region.map { "\(country)-\($0)" } ?? country }

    public var line: String { "\(place) \(rate.text) \(name)" }

    /// How a receipt names it: `VAT 19 % (Germany)`, `sales tax 7.25 % (United States, CA)`.
    public var label: String {
        "\(name) \(rate) (\(Countries.name(of: country))\(region.map { ", \($0)" } ?? ""))"
    }
}

/// A country code, or a country and region code, as tax rates and billing details name places.
struct TaxPlace: Hashable {
    let country: String
    let region: String?

    init?(_ text: String) {
        let parts = text.uppercased().split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), Countries.country(code: parts[0]) != nil else { return nil }
        country = parts[0]
        if parts.count == 2 {
            guard let region = TaxPlace.region(parts[1]) else { return nil }
            self.region = region
        } else {
            region = nil
        }
    }

    /// A region code: 1 to 3 letters or digits (the part of ISO 3166-2 after the country).
    static func region(_ text: String) -> String? {
        let code = text.uppercased()
        guard (1...3).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        return code
    }
}
