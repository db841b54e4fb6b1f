/// A value that is a string checked by a domain rule on creation (`Email`, `Slug`). It travels in JSON and
/// in the database as the plain string, and decoding applies the same rule as creating.
public protocol ValidatedString: Codable, Hashable, Sendable, CustomStringConvertible {
    var value: String { get }
    init(_ raw: String) throws
}

extension ValidatedString {
    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public var description: String { value }
}
