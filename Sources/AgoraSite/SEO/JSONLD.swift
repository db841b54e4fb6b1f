import Foundation

/// A schema.org structured-data value, written with literals in the page builders:
/// `["@type": "ListItem", "position": 1, "name": name]`.
enum JSONLD: Encodable, Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case int(Int)
    case double(Double)
    case array([JSONLD])
    case object([String: JSONLD])

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(floatLiteral value: Double) { self = .double(value) }
    init(arrayLiteral elements: JSONLD...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONLD)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// Nested values are written into nested containers, never as values of their own: JSONEncoder sets up a
    /// whole encoder for every value it is handed, which made JSON-LD the dearest part of a provider page.
    func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let values):
            var container = encoder.container(keyedBy: PropertyKey.self)
            try Self.encode(values, into: &container)
        case .array(let values):
            var container = encoder.unkeyedContainer()
            try Self.encode(values, into: &container)
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .int(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .double(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        }
    }

    private struct PropertyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private static func encode(_ values: [String: JSONLD], into container: inout KeyedEncodingContainer<PropertyKey>) throws {
        for (name, value) in values {
            let key = PropertyKey(stringValue: name)
            switch value {
            case .string(let text): try container.encode(text, forKey: key)
            case .int(let number): try container.encode(number, forKey: key)
            case .double(let number): try container.encode(number, forKey: key)
            case .object(let nested):
                var inner = container.nestedContainer(keyedBy: PropertyKey.self, forKey: key)
                try encode(nested, into: &inner)
            case .array(let items):
                var inner = container.nestedUnkeyedContainer(forKey: key)
                try encode(items, into: &inner)
            }
        }
    }

    private static func encode(_ values: [JSONLD], into container: inout any UnkeyedEncodingContainer) throws {
        for value in values {
            switch value {
            case .string(let text): try container.encode(text)
            case .int(let number): try container.encode(number)
            case .double(let number): try container.encode(number)
            case .object(let nested):
                var inner = container.nestedContainer(keyedBy: PropertyKey.self)
                try encode(nested, into: &inner)
            case .array(let items):
                var inner = container.nestedUnkeyedContainer()
                try encode(items, into: &inner)
            }
        }
    }

    /// Adds a key to an object when the value exists, so optional data never yields an empty or null property.
    func adding(_ key: String, _ value: JSONLD?) -> JSONLD {
        guard case .object(var values) = self, let value else { return self }
        values[key] = value
        return .object(values)
    }

    /// The text of a `<script type="application/ld+json">` holding the nodes as one `@graph`, safe inside the
    /// element whatever user text it holds (`ScriptSafeJSON`).
    static func script(_ nodes: [JSONLD]) -> String? {
        guard !nodes.isEmpty else { return nil }
        return ScriptSafeJSON.encode(["@context": "https://schema.org", "@graph": .array(nodes)] as JSONLD)
    }
}
