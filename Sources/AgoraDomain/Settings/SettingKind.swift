import Foundation

/// The type of a platform setting and the rule its values keep: the one place a value is checked, whether it comes
/// from the admin pages or from the environment.
public enum SettingKind: Sendable, Hashable {
    /// On or off.
    case flag
    /// A whole number within a range, in a unit the form shows ("providers", "hours").
    case number(ClosedRange<Int>, unit: String)
    /// One line of text, possibly empty.
    case text(maximumLength: Int)
    /// Words or phrases, each one line, without repeats.
    case list(maximumCount: Int, maximumLength: Int)
    /// Some of a fixed set of options, in the options' order.
    case choices([String])
    /// A rate from 0 to 100 % with at most two decimals, kept as text (`"3%"`, `"7.25%"`).
    case percent
    /// A table of rates, one row per line in the table's format (`FeeTable`), at most `maximumCount` rows.
    case rates(FeeTable, maximumCount: Int)
    /// A country's two-letter code (ISO 3166-1), kept as text (`"DE"`).
    case country

    /// The name the API and the admin form use for the type.
    public var name: String {
        switch self {
        case .flag: "flag"
        case .number: "number"
        case .text: "text"
        case .list: "list"
        case .choices: "choices"
        case .percent: "percent"
        case .rates: "rates"
        case .country: "country"
        }
    }

    /// `value` when it is of this kind and keeps its rule, tidied (text trimmed, list entries trimmed, lower-cased
    /// and without repeats); otherwise an error on `field`.
    public func check(_ value: SettingValue, field: String = "value") throws -> SettingValue {
        switch (self, value) {
        case (.flag, .flag):
            return value
        case (.number(let range, _), .number(let number)):
            guard range.contains(number) else { throw ValidationError(field: field, message: rule) }
            return value
        case (.text(let maximumLength), .text(let text)):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard trimmed.unicodeScalars.count <= maximumLength, !trimmed.unicodeScalars.contains(where: Self.isControl) else {
                throw ValidationError(field: field, message: rule)
            }
            return .text(trimmed)
        case (.list(let maximumCount, let maximumLength), .list(let items)):
            var seen = Set<String>()
            var tidied: [String] = []
            for (index, item) in items.enumerated() {
                let entry = item.trimmingCharacters(in: .whitespaces).lowercased()
                guard !entry.isEmpty, entry.unicodeScalars.count <= maximumLength, !entry.unicodeScalars.contains(where: Self.isControl) else {
                    throw ValidationError(field: "\(field)[\(index)]", message: "must be one line of 1 to \(maximumLength) characters")
                }
                if seen.insert(entry).inserted { tidied.append(entry) }
            }
            guard tidied.count <= maximumCount else { throw ValidationError(field: field, message: rule) }
            return .list(tidied)
        case (.percent, .text(let text)):
            guard let rate = Percentage(text) else { throw ValidationError(field: field, message: rule) }
            return .text(rate.text)
        case (.rates(let table, let maximumCount), .list(let lines)):
            let rows = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard rows.count <= maximumCount else { throw ValidationError(field: field, message: rule) }
            return .list(try table.canonical(rows, field: field))
        case (.country, .text(let text)):
            let code = text.trimmingCharacters(in: .whitespaces).uppercased()
            guard Countries.country(code: code) != nil else { throw ValidationError(field: field, message: rule) }
            return .text(code)
        case (.choices(let options), .list(let items)):
            let unknown = items.filter { !options.contains($0) }
            guard unknown.isEmpty else { throw ValidationError(field: field, message: "\(rule), not \(unknown.joined(separator: ", "))") }
            return .list(options.filter(items.contains))
        default:
            throw ValidationError(field: field, message: rule)
        }
    }

    /// The value from an environment variable's text: `on`/`off` (or `true`/`false`) for a flag, digits for a number,
    /// the text as it is, comma-separated entries for a list, semicolon-separated lines for a table of rates.
    public func parse(environment text: String, field: String) throws -> SettingValue {
        switch self {
        case .flag:
            switch text.lowercased() {
            case "on", "true", "1", "yes": return .flag(true)
            case "off", "false", "0", "no": return .flag(false)
            default: throw ValidationError(field: field, message: "must be on or off, not \(text)")
            }
        case .number(let range, _):
            guard let number = Int(text), range.contains(number) else {
                throw ValidationError(field: field, message: "\(rule), not \(text)")
            }
            return .number(number)
        case .text, .percent, .country:
            return try check(.text(text), field: field)
        case .rates:
            return try check(.list(text.split(separator: ";").map(String.init)), field: field)
        case .list, .choices:
            let entries = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return try check(.list(entries), field: field)
        }
    }

    /// The rule in words, for error messages and the admin form.
    public var rule: String {
        switch self {
        case .flag: "must be true or false"
        case .number(let range, _): "must be a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .text(let maximumLength): "must be one line of at most \(maximumLength) characters"
        case .list(let maximumCount, let maximumLength): "must be a list of at most \(maximumCount) entries of at most \(maximumLength) characters"
        case .choices(let options): "must be a list of some of \(options.joined(separator: ", "))"
        case .percent: "must be a rate from 0% to 100% with at most two decimals, such as 3% or 7.25%"
        case .rates(let table, let maximumCount): "must be at most \(maximumCount) lines, \(table.format)"
        case .country: "must be a country's two-letter code (ISO 3166-1), such as DE"
        }
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }
}
