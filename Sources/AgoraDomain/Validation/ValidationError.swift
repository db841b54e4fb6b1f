/// One broken rule on one input field, in words a user can act on.
public struct FieldError: Hashable, Sendable, Codable {
    /// The name of the field as the client sent it (`email`, `location.country`).
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Input that breaks one or more domain rules. The API turns it into an RFC 9457 problem with one entry per field.
public struct ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    public let errors: [FieldError]

    public init(_ errors: [FieldError]) {
        self.errors = errors
    }

    public init(field: String, message: String) {
        self.errors = [FieldError(field: field, message: message)]
    }

    public var description: String {
        errors.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
    }
}
