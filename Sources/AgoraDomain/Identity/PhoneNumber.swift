/// A phone number in E.164 form (`+33612345678`) that belongs to a known country: its dial code matches the
/// country's and its national part has one of the country's lengths.
public struct PhoneNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `+` and up to 15 digits.
    public let e164: String
    /// ISO 3166-1 alpha-2 of the number's country.
    public let countryCode: String

    /// E.164 caps a number at 15 digits, dial code included.
    public static let maximumDigits = 15

    /// Reads `raw` as typed by a person: spaces, dots, dashes and brackets are ignored; a number without `+` is
    /// national (its trunk `0` is dropped) and gets the country's dial code; `00` counts as `+`.
    public init(_ raw: String, country: String, field: String = "phone") throws {
        guard let country = Countries.country(code: country.trimmingWhitespace()) else {
            throw ValidationError(field: "country", message: "must be the ISO code of a country we serve, like FR or US")
        }
        let typed = raw.trimmingWhitespace()
        guard !typed.isEmpty else { throw ValidationError(field: field, message: "is required") }
        let separators: Set<Character> = [" ", ".", "-", "(", ")", "/", "\u{00A0}"]
        var text = String(typed.filter { !separators.contains($0) })
        let international: Bool
        if text.hasPrefix("+") {
            text.removeFirst()
            international = true
        } else if text.hasPrefix("00") {
            text.removeFirst(2)
            international = true
        } else {
            international = false
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValidationError(field: field, message: "may hold only digits, spaces, dashes and a leading +")
        }
        let digits: String
        if international {
            guard text.hasPrefix(country.dialCode) else {
                throw ValidationError(
                    field: field,
                    message: "starts with a dial code that is not \(country.name)'s (+\(country.dialCode))"
                )
            }
            digits = text
        } else {
            digits = country.dialCode + String(text.drop { $0 == "0" })
        }
        let nationalLength = digits.count - country.dialCode.count
        guard digits.count <= Self.maximumDigits, country.nationalNumberLengths.contains(nationalLength) else {
            let lengths = country.nationalNumberLengths
            let expected = lengths.lowerBound == lengths.upperBound
                ? "\(lengths.lowerBound)" : "\(lengths.lowerBound) to \(lengths.upperBound)"
            throw ValidationError(
                field: field,
                message: "must have \(expected) digits after +\(country.dialCode) for \(country.name)"
            )
        }
        e164 = "+" + digits
        countryCode = country.code
    }

    public var description: String { e164 }
}
