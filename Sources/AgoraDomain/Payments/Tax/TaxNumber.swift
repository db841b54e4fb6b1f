import Foundation

/// A business's tax number (VAT identification number in the EU), checked against its country's format and kept
/// in one spelling: upper case, without spaces, dots or dashes, with its country prefix (`DE123456789`; Greece's
/// is `EL`). Countries without a listed format take 5 to 20 letters and digits.
public struct TaxNumber: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    /// Nil when `raw` does not have the format of `country`'s tax numbers.
    public init?(_ raw: String, country: String) {
        var text = raw.uppercased().filter { !" .-".contains($0) }
        guard let format = Self.formats[country] else {
            guard (5...20).contains(text.count), text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
            value = text
            return
        }
        if text.hasPrefix(format.prefix) { text.removeFirst(format.prefix.count) }
        guard let pattern = try? Regex(format.pattern), (try? pattern.wholeMatch(in: text)) != nil else { return nil }
        value = format.prefix + text
    }

    public var description: String { value }

    /// How a country's numbers look after its prefix.
    public static func example(for country: String) -> String {
        formats[country]?.example ?? "5 to 20 letters and digits"
    }

    private struct Format {
        let prefix: String
        let pattern: String
        let example: String
    }

    /// The EU's VAT numbers (as VIES lists their structure), the United Kingdom's, Switzerland's and Norway's.
    private static let formats: [String: Format] = [
        "AT": Format(prefix: "AT", pattern: "U[0-9]{8}", example: "ATU12345678"),
        "BE": Format(prefix: "BE", pattern: "[01][0-9]{9}", example: "BE0123456789"),
        "BG": Format(prefix: "BG", pattern: "[0-9]{9,10}", example: "BG123456789"),
        "CY": Format(prefix: "CY", pattern: "[0-9]{8}[A-Z]", example: "CY12345678L"),
        "CZ": Format(prefix: "CZ", pattern: "[0-9]{8,10}", example: "CZ12345678"),
        "DE": Format(prefix: "DE", pattern: "[0-9]{9}", example: "DE123456789"),
        "DK": Format(prefix: "DK", pattern: "[0-9]{8}", example: "DK12345678"),
        "EE": Format(prefix: "EE", pattern: "[0-9]{9}", example: "EE123456789"),
        "GR": Format(prefix: "EL", pattern: "[0-9]{9}", example: "EL123456789"),
        "ES": Format(prefix: "ES", pattern: "[A-Z0-9][0-9]{7}[A-Z0-9]", example: "ESX1234567X"),
        "FI": Format(prefix: "FI", pattern: "[0-9]{8}", example: "FI12345678"),
        "FR": Format(prefix: "FR", pattern: "[A-HJ-NP-Z0-9]{2}[0-9]{9}", example: "FR12345678901"),
        "HR": Format(prefix: "HR", pattern: "[0-9]{11}", example: "HR12345678901"),
        "HU": Format(prefix: "HU", pattern: "[0-9]{8}", example: "HU12345678"),
        "IE": Format(prefix: "IE", pattern: "[0-9][A-Z0-9+*][0-9]{5}[A-Z]{1,2}", example: "IE1234567WA"),
        "IT": Format(prefix: "IT", pattern: "[0-9]{11}", example: "IT12345678901"),
        "LT": Format(prefix: "LT", pattern: "([0-9]{9}|[0-9]{12})", example: "LT123456789"),
        "LU": Format(prefix: "LU", pattern: "[0-9]{8}", example: "LU12345678"),
        "LV": Format(prefix: "LV", pattern: "[0-9]{11}", example: "LV12345678901"),
        "MT": Format(prefix: "MT", pattern: "[0-9]{8}", example: "MT12345678"),
        "NL": Format(prefix: "NL", pattern: "[0-9]{9}B[0-9]{2}", example: "NL123456789B01"),
        "PL": Format(prefix: "PL", pattern: "[0-9]{10}", example: "PL1234567890"),
        "PT": Format(prefix: "PT", pattern: "[0-9]{9}", example: "PT123456789"),
        "RO": Format(prefix: "RO", pattern: "[1-9][0-9]{1,9}", example: "RO1234567890"),
        "SE": Format(prefix: "SE", pattern: "[0-9]{10}01", example: "SE123456789001"),
        "SI": Format(prefix: "SI", pattern: "[0-9]{8}", example: "SI12345678"),
        "SK": Format(prefix: "SK", pattern: "[0-9]{10}", example: "SK1234567890"),
        "GB": Format(prefix: "GB", pattern: "([0-9]{9}|[0-9]{12}|GD[0-4][0-9]{2}|HA[5-9][0-9]{2})", example: "GB123456789"),
        "CH": Format(prefix: "CHE", pattern: "[0-9]{9}(MWST|TVA|IVA)?", example: "CHE123456789MWST"),
        "NO": Format(prefix: "NO", pattern: "[0-9]{9}(MVA)?", example: "NO123456789MVA"),
    ]
}
