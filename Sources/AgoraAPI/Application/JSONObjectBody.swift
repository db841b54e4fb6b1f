import AgoraDomain
import Foundation
import Hummingbird

/// A request body that must be one JSON object with known fields. Reading it checks, in this order: the media
/// type (415), the size (413), the syntax (400), then names every unknown field (422). Fields are then read one
/// by one with `string`/`bool`, each wrong type or length becoming a field error; `finish()` throws them all.
struct JSONObjectBody {
    private let fields: [String: JSONValue]
    private(set) var errors: [FieldError] = []

    /// No form the service accepts comes near this; anything bigger is refused before parsing.
    static let maximumBytes = 64 * 1024

    static func read(_ request: Request, allowing allowed: Set<String>) async throws -> JSONObjectBody {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            throw Problem(status: .unsupportedMediaType, detail: "Send the body as application/json.")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumBytes)
        } catch {
            throw Problem(status: .contentTooLarge, detail: "The body is larger than \(maximumBytes / 1024) KiB.")
        }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: buffer))
        } catch {
            throw Problem(status: .badRequest, detail: "The body is not valid JSON.", type: Problem.malformedType)
        }
        guard case .object(let object) = value else {
            throw Problem(status: .badRequest, detail: "The body must be a JSON object.", type: Problem.malformedType)
        }
        let unknown = object.keys.filter { !allowed.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw ValidationError(unknown.map { FieldError(field: $0, message: "is not a field of this request") })
        }
        return JSONObjectBody(fields: object)
    }

    private init(fields: [String: JSONValue]) {
        self.fields = fields
    }

    /// Whether the body names the field at all (even as null): for changes where an absent field keeps its value
    /// and null clears it.
    func contains(_ name: String) -> Bool { fields[name] != nil }

    /// The string in `name`, or nil (with a field error when it is required, of another type or too long).
    mutating func string(_ name: String, required: Bool = true, maximumLength: Int = 1_000) -> String? {
        switch fields[name] {
        case .string(let text):
            if text.count > maximumLength {
                errors.append(FieldError(field: name, message: "must be at most \(maximumLength) characters"))
                return nil
            }
            if text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) {
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

    /// The boolean in `name`, or `defaultValue` when absent.
    mutating func bool(_ name: String, default defaultValue: Bool = false) -> Bool {
        switch fields[name] {
        case .bool(let flag): return flag
        case nil, .null?: return defaultValue
        case let other?:
            errors.append(FieldError(field: name, message: "must be true or false, not \(other.typeName)"))
            return defaultValue
        }
    }

    /// The whole number in `name`, or nil (with a field error when it is of another type or not whole).
    mutating func integer(_ name: String) -> Int? {
        switch fields[name] {
        case .number(let number):
            if number.rounded() == number, abs(number) <= 1e15 { return Int(number) }
            errors.append(FieldError(field: name, message: "must be a whole number"))
            return nil
        case nil, .null?:
            return nil
        case let other?:
            errors.append(FieldError(field: name, message: "must be a number, not \(other.typeName)"))
            return nil
        }
    }

    /// Throws every field error collected so far.
    func finish() throws {
        if !errors.isEmpty { throw ValidationError(errors) }
    }
}
