import AgoraDomain
import Hummingbird

/// The query of a list route: known names only, each at most once, read with one field error per bad parameter.
struct ListQuery {
    private var values: [String: String] = [:]
    private var errors: [FieldError] = []

    static let maximumLimit = 100

    init(_ request: Request, allowing allowed: Set<String>) throws {
        for (name, value) in try QueryParameters.pairs(of: request) {
            if !allowed.contains(name) {
                errors.append(FieldError(field: String(name.prefix(60)), message: "is not a parameter of this list"))
            } else if values[name] != nil {
                errors.append(FieldError(field: name, message: "must be given once"))
            } else {
                values[name] = value
            }
        }
    }

    /// `before`: the id of the last item of the previous page.
    mutating func before() -> Int64? {
        guard let text = values["before"] else { return nil }
        guard let id = Int64(text), id > 0 else {
            errors.append(FieldError(field: "before", message: "must be an id from the previous page's next_before"))
            return nil
        }
        return id
    }

    /// A search text, trimmed; nil when empty, an error when longer than `maximumLength`.
    mutating func text(_ name: String, maximumLength: Int) -> String? {
        guard let text = values[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard text.unicodeScalars.count <= maximumLength else {
            errors.append(FieldError(field: name, message: "must be at most \(maximumLength) characters"))
            return nil
        }
        return text
    }

    /// `reference`: an order reference as a person types it.
    mutating func reference() -> ReferenceNumber? {
        guard let text = values["reference"] else { return nil }
        do {
            return try ReferenceNumber(text)
        } catch let invalid as ValidationError {
            errors += invalid.errors.map { FieldError(field: "reference", message: $0.message) }
        } catch {
            errors.append(FieldError(field: "reference", message: "is not an order reference"))
        }
        return nil
    }

    /// `limit`: 1 to 100, 20 when absent.
    mutating func limit(default fallback: Int = 20) -> Int {
        guard let text = values["limit"] else { return fallback }
        guard let limit = Int(text), (1...Self.maximumLimit).contains(limit) else {
            errors.append(FieldError(field: "limit", message: "must be a whole number from 1 to \(Self.maximumLimit)"))
            return fallback
        }
        return limit
    }

    /// A comma-separated list of values of `T` in `name`.
    mutating func cases<T: RawRepresentable & CaseIterable>(_ name: String, of type: T.Type) -> [T] where T.RawValue == String {
        guard let text = values[name], !text.isEmpty else { return [] }
        var chosen: [T] = []
        for part in text.split(separator: ",") {
            guard let value = T(rawValue: String(part)) else {
                errors.append(FieldError(field: name, message: "must be one or more of \(T.allCases.map(\.rawValue).joined(separator: ", "))"))
                return []
            }
            chosen.append(value)
        }
        return chosen
    }

    /// One value of `T` in `name`, or `defaultValue`.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ name: String, default defaultValue: T) -> T where T.RawValue == String {
        cases(name, of: T.self).first ?? defaultValue
    }

    /// One value of `T` in `name`; nil when absent.
    mutating func optionalChoice<T: RawRepresentable & CaseIterable>(_ name: String, of type: T.Type) -> T? where T.RawValue == String {
        guard let text = values[name] else { return nil }
        guard let value = T(rawValue: text) else {
            errors.append(FieldError(field: name, message: "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))"))
            return nil
        }
        return value
    }

    /// A value `parse` reads from `name` (such as a cursor); nil when absent, an error saying `rule` when unreadable.
    mutating func parsed<T>(_ name: String, rule: String, _ parse: (String) -> T?) -> T? {
        guard let text = values[name] else { return nil }
        guard let value = parse(text) else {
            errors.append(FieldError(field: name, message: rule))
            return nil
        }
        return value
    }

    func text(_ name: String) -> String? { values[name] }

    func finish() throws {
        if !errors.isEmpty { throw Problem.invalidQuery(errors) }
    }
}
