import Foundation

/// Who a member's receipts are made out to, and what decides the tax on the platform's fees they pay: their
/// country (and region), and for a business its name and tax number. Checked whole, every bad field named.
public struct BillingDetails: Sendable, Hashable {
    public let name: String
    public let country: String
    public let region: String?
    public let address: String
    /// A business's tax number in its country's format; nil for a private person.
    public let taxNumber: TaxNumber?

    public static let nameLength = 2...200
    public static let addressLength = 0...500

    public struct Input: Sendable {
        public var name: String?
        public var country: String?
        public var region: String?
        public var address: String?
        public var taxNumber: String?

        public init(name: String? = nil, country: String? = nil, region: String? = nil, address: String? = nil, taxNumber: String? = nil) {
            self.name = name
            self.country = country
            self.region = region
            self.address = address
            self.taxNumber = taxNumber
        }
    }

    public init(_ input: Input) throws {
        var errors: [FieldError] = []
        let name = FieldReading.text(input.name, field: "name", length: Self.nameLength, multiline: false, errors: &errors)
        let rawAddress = (input.address ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let address = rawAddress.isEmpty ? "" : FieldReading.text(rawAddress, field: "address", length: Self.addressLength, multiline: true, errors: &errors)
        let country = (input.country ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        if Countries.country(code: country) == nil {
            errors.append(FieldError(field: "country", message: "must be a country's two-letter code (ISO 3166-1), such as DE"))
        }
        var region: String?
        if let raw = input.region?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            region = TaxPlace.region(raw)
            if region == nil { errors.append(FieldError(field: "region", message: "must be the region's code of 1 to 3 letters or digits, such as CA")) }
        }
        var taxNumber: TaxNumber?
        if let raw = input.taxNumber?.trimmingCharacters(in: .whitespaces), !raw.isEmpty, Countries.country(code: country) != nil {
            taxNumber = TaxNumber(raw, country: country)
            if taxNumber == nil {
                errors.append(FieldError(field: "tax_number", message: "is not a tax number of \(Countries.name(of: country)): it looks like \(TaxNumber.example(for: country))"))
            }
        }
        guard errors.isEmpty, let name else { throw ValidationError(errors) }
        self.name = name
        self.country = country
        self.region = region
        self.address = address ?? ""
        self.taxNumber = taxNumber
    }

    /// Details as stored, read back without checking again.
    public init(stored name: String, country: String, region: String?, address: String, taxNumber: String?) {
        self.name = name
        self.country = country
        self.region = region
        self.address = address
        self.taxNumber = taxNumber.map { TaxNumber(verbatim: $0) }
    }

    /// Whether the member bills as a business (a tax number given).
    public var isBusiness: Bool { taxNumber != nil }
}

extension TaxNumber {
    init(verbatim value: String) {
        self.value = value
    }
}
