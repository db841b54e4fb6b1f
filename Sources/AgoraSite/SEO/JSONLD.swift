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

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .array(let values): try container.encode(values)
        case .object(let values): try container.encode(values)
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
