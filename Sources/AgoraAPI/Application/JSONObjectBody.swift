import AgoraDomain
import Foundation
import Hummingbird

/// The fields of a JSON object request body (see `RequestBody`), read one by one with `string`, `bool` and the
/// like, each wrong type or length becoming a field error; `finish()` throws them all.
struct JSONObjectBody {
    private let fields: [String: JSONValue]
    private(set) var errors: [FieldError] = []

    /// Reads the object the decoder holds (400 when it is not an object) and names every field not in `allowed` (422).
    init(decoding decoder: any Decoder, allowing allowed: Set<String>) throws {
        guard case .object(let object) = try decoder.singleValueContainer().decode(JSONValue.self) else {
            throw Problem(status: .badRequest, detail: "The body must be a JSON object.", type: .malformedBody)
        }
        let unknown = object.keys.filter { !allowed.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw ValidationError(unknown.map { FieldError(field: $0, message: "is not a field of this request") })
        }
        fields = object
    }

    /// Whether the body names the field at all (even as null): for changes where an absent field keeps its value
    /// and null clears it.
    func contains(_ name: String) -> Bool { fields[name] != nil }

    /// The field as sent, for a field whose type depends on something else (a setting's value on its kind).
    func value(_ name: String) -> JSONValue? { fields[name] }

    /// Records an error on a field a caller read with `value(_:)`.
    mutating func reject(_ name: String, _ message: String) {
        errors.append(FieldError(field: name, message: message))
    }

    /// The string in `name`, or nil (with a field error when it is required, of another type or too long).
    mutating func string(_ name: String, required: Bool = true, maximumLength: Int = 1_000, multiline: Bool = false) -> String? {
        switch fields[name] {
        case .string(let text):
            if text.unicodeScalars.count > maximumLength {
                errors.append(FieldError(field: name, message: "must be at most \(maximumLength) characters"))
                return nil
            }
            if text.unicodeScalars.contains(where: { Self.isControl($0, multiline: multiline) }) {
                errors.append(FieldError(field: name, message: "must not contain control characters"))
                return nil
            }
            return text
        case nil, .null?:
            if required { errors.append(FieldError(field: name, message: "is required")) }
            return nil
        case let other?:
            errors.append(FieldError(field: name, message: "must be a string, not \(other.typeName)"))
            return nil
        }
    }

    /// The largest whole number (and id) a field takes: beyond it a JSON number is no longer exact as a double.
    static let largestWholeNumber: Double = 1e15

    /// The characters no string field takes: control characters but tab, and but line breaks in multi-line text.
    /// Lengths count Unicode scalars, as JSON Schema's `maxLength` does.
    static func isControl(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && !(multiline && (scalar == "\n" || scalar == "\r"))) || scalar.value == 0x7F
    }

    /// `isControl` as a JSON Schema pattern, for the OpenAPI document of one-line and multi-line fields.
    static let oneLinePattern = #"^[^\u0000-\u0008\u000A-\u001F\u007F]*$"#
    static let multilinePattern = #"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$"#

    /// The boolean in `name`, or `defaultValue` when absent.
    mutating func bool(_ name: String, default defaultValue: Bool = false) -> Bool {
        optionalBool(name) ?? defaultValue
    }

    /// The boolean in `name`, or nil when absent: for a field that, left out, changes nothing.
    mutating func optionalBool(_ name: String) -> Bool? {
        switch fields[name] {
        case .bool(let flag): return flag
        case nil, .null?: return nil
        case let other?:
            errors.append(FieldError(field: name, message: "must be true or false, not \(other.typeName)"))
            return nil
        }
    }

    /// The whole number in `name`, or nil (with a field error when it is of another type or not whole).
    mutating func integer(_ name: String) -> Int? {
        switch fields[name] {
        case .number(let number):
            if number.rounded() == number, abs(number) <= Self.largestWholeNumber { return Int(number) }
            errors.append(FieldError(field: name, message: "must be a whole number"))
            return nil
        case nil, .null?:
            return nil
        case let other?:
            errors.append(FieldError(field: name, message: "must be a number, not \(other.typeName)"))
            return nil
        }
    }

    /// The number in `name`, or nil (with a field error when it is of another type).
    mutating func number(_ name: String) -> Double? {
        switch fields[name] {
        case .number(let number): return number
        case nil, .null?: return nil
        case let other?:
            errors.append(FieldError(field: name, message: "must be a number, not \(other.typeName)"))
            return nil
        }
    }

    /// An amount in `name`, as text for `Money(major:currency:)`: a string such as "45.50", or a JSON number.
    mutating func amount(_ name: String) -> String? {
        switch fields[name] {
        case .string(let text): return text
        case .number(let number): return Self.amountText(number)
        case nil, .null?: return nil
        case let other?:
            errors.append(FieldError(field: name, message: "must be an amount such as 45.50, not \(other.typeName)"))
            return nil
        }
    }

    /// A list of strings in `name` (at most `maximumCount`, each at most `maximumLength`), or nil when absent.
    mutating func strings(_ name: String, maximumCount: Int = 100, maximumLength: Int = 1_000) -> [String]? {
        switch fields[name] {
        case .array(let items):
            guard items.count <= maximumCount else {
                errors.append(FieldError(field: name, message: "must have at most \(maximumCount) entries"))
                return nil
            }
            var strings: [String] = []
            for (index, item) in items.enumerated() {
                guard case .string(let text) = item, text.count <= maximumLength else {
                    errors.append(FieldError(field: "\(name)[\(index)]", message: "must be a string of at most \(maximumLength) characters"))
                    continue
                }
                strings.append(text)
            }
            return strings
        case nil, .null?: return nil
        case let other?:
            errors.append(FieldError(field: name, message: "must be a list of strings, not \(other.typeName)"))
            return nil
        }
    }

    /// A list of positive whole numbers (ids) in `name` (at most `maximumCount`), or nil when absent.
    mutating func identifiers(_ name: String, maximumCount: Int) -> [Int64]? {
        switch fields[name] {
        case .array(let items) where items.count <= maximumCount:
            var ids: [Int64] = []
            for (index, item) in items.enumerated() {
                guard case .number(let number) = item, number.rounded() == number, number >= 1, number <= Self.largestWholeNumber else {
                    errors.append(FieldError(field: "\(name)[\(index)]", message: "must be an id"))
                    continue
                }
                ids.append(Int64(number))
            }
            return ids
        case .array:
            errors.append(FieldError(field: name, message: "must have at most \(maximumCount) entries"))
            return nil
        case nil, .null?: return nil
        case let other?:
            errors.append(FieldError(field: name, message: "must be a list of ids, not \(other.typeName)"))
            return nil
        }
    }

    /// A list of whole numbers in `name` (at most `maximumCount`), or nil when absent; their range is the domain's to check.
    mutating func wholeNumbers(_ name: String, maximumCount: Int) -> [Int]? {
        switch fields[name] {
        case .array(let items) where items.count <= maximumCount:
            var numbers: [Int] = []
            for (index, item) in items.enumerated() {
                guard case .number(let number) = item, number.rounded() == number, abs(number) <= Self.largestWholeNumber else {
                    errors.append(FieldError(field: "\(name)[\(index)]", message: "must be a whole number"))
                    continue
                }
                numbers.append(Int(number))
            }
            return numbers
        case .array:
            errors.append(FieldError(field: name, message: "must have at most \(maximumCount) entries"))
            return nil
        case nil, .null?: return nil
        case let other?:
            errors.append(FieldError(field: name, message: "must be a list of whole numbers, not \(other.typeName)"))
            return nil
        }
    }

    /// A list of objects in `name` (at most `maximumCount`), or nil when absent; each entry is read with `read`.
    mutating func objects<T>(_ name: String, maximumCount: Int, read: (Int, [String: JSONValue], inout [FieldError]) -> T) -> [T]? {
        switch fields[name] {
        case .array(let items):
            guard items.count <= maximumCount else {
                errors.append(FieldError(field: name, message: "must have at most \(maximumCount) entries"))
                return nil
            }
            var values: [T] = []
            for (index, item) in items.enumerated() {
                guard case .object(let object) = item else {
                    errors.append(FieldError(field: "\(name)[\(index)]", message: "must be an object, not \(item.typeName)"))
                    continue
                }
                values.append(read(index, object, &errors))
            }
            return values
        case nil, .null?: return nil
        case let other?:
            errors.append(FieldError(field: name, message: "must be a list, not \(other.typeName)"))
            return nil
        }
    }

    /// A JSON number as amount text: whole numbers without a fraction, others as Swift prints them (shortest form).
    static func amountText(_ number: Double) -> String {
        guard number.isFinite else { return "not a number" }
        if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    /// Throws every field error collected so far.
    func finish() throws {
        if !errors.isEmpty { throw ValidationError(errors) }
    }
}
