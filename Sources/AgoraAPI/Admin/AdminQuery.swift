import AgoraDomain
import Foundation

/// Reads the parameters of a filtered list (`?actor=…&from=…`), collecting one field error per bad parameter so
/// that a search answers one 400 naming them all. Every admin list, and a member's transactions and statements, read
/// their filters through this, with the same words for the same mistakes.
struct AdminQuery {
    private(set) var errors: [FieldError] = []

    mutating func positiveID(_ value: String, _ name: String) -> Int64? {
        guard let number = Int64(value), number > 0 else {
            errors.append(FieldError(field: name, message: "must be a positive whole number"))
            return nil
        }
        return number
    }

    /// A whole number from 1 to `maximum`: a page's size, a number of days.
    mutating func limit(_ value: String, _ name: String, maximum: Int) -> Int? {
        guard let number = Int(value), (1...maximum).contains(number) else {
            errors.append(FieldError(field: name, message: "must be a whole number from 1 to \(maximum)"))
            return nil
        }
        return number
    }

    /// A case of a domain enum by its raw value.
    mutating func oneOf<Choice: RawRepresentable & CaseIterable>(_ value: String, _ name: String, as: Choice.Type) -> Choice? where Choice.RawValue == String {
        guard let choice = Choice(rawValue: value) else {
            errors.append(FieldError(field: name, message: "must be one of \(Choice.allCases.map(\.rawValue).joined(separator: ", "))"))
            return nil
        }
        return choice
    }

    /// An ISO 3166-1 alpha-2 country code, any case.
    mutating func country(_ value: String, _ name: String) -> String? {
        guard value.utf8.count == 2, value.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) }) else {
            errors.append(FieldError(field: name, message: "must be a two-letter country code such as FR"))
            return nil
        }
        return value.uppercased()
    }

    /// A UTC day written `2026-12-05`: its start.
    mutating func day(_ value: String, _ name: String) -> Date? {
        guard let date = Self.dayFormat.date(from: value), Self.dayFormat.string(from: date) == value else {
            errors.append(FieldError(field: name, message: "must be a day such as 2026-12-05"))
            return nil
        }
        return date
    }

    /// An ISO 4217 currency code such as EUR.
    mutating func currency(_ value: String, _ name: String) -> CurrencyCode? {
        guard let currency = try? CurrencyCode(value) else {
            errors.append(FieldError(field: name, message: "must be a currency code such as EUR"))
            return nil
        }
        return currency
    }

    /// A value `parse` reads (such as a cursor); an error saying `rule` when it cannot.
    mutating func parsed<T>(_ value: String, _ name: String, rule: String, _ parse: (String) -> T?) -> T? {
        guard let parsed = parse(value) else {
            errors.append(FieldError(field: name, message: rule))
            return nil
        }
        return parsed
    }

    mutating func unknown(_ name: String) {
        errors.append(FieldError(field: String(name.prefix(60)), message: "is not a parameter of this search"))
    }

    /// Throws the 400 naming every bad parameter, if any.
    func check() throws {
        guard errors.isEmpty else { throw Problem.invalidQuery(errors) }
    }

    private static var dayFormat: DateFormatter {
        let day = DateFormatter()
        day.calendar = Calendar(identifier: .iso8601)
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = TimeZone(identifier: "UTC")
        day.dateFormat = "yyyy-MM-dd"
        return day
    }
}
