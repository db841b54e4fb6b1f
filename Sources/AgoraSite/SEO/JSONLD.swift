import Foundation

/// A schema.org structured-data value, written with literals in the page builders:
/// `["@type": "ListItem", "position": 1, "name": name]`.
enum JSONLD: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
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

    /// Adds a key to an object when the value exists, so optional data never yields an empty or null property.
    func adding(_ key: String, _ value: JSONLD?) -> JSONLD {
        guard case .object(var values) = self, let value else { return self }
        values[key] = value
        return .object(values)
    }

    /// The text of a `<script type="application/ld+json">` holding the nodes as one `@graph`, safe inside the
    /// element whatever user text it holds, written directly: every page carries some, and JSONEncoder made them a
    /// tenth of a full build.
    static func script(_ nodes: [JSONLD]) -> String? {
        guard !nodes.isEmpty else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(2_048)
        (["@context": "https://schema.org", "@graph": .array(nodes)] as JSONLD).write(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the value as JSON that may stand inside a `<script>` element, as `ScriptSafeJSON` writes its values:
    /// keys sorted, `/` as `\/`, `<`, `>` and `&` as `\u003c`, `\u003e` and `\u0026` (no text can close the
    /// element or open a comment), whole doubles without their `.0`.
    func write(into bytes: inout [UInt8]) {
        switch self {
        case .string(let text): Self.write(text, into: &bytes)
        case .int(let number): bytes.append(contentsOf: String(number).utf8)
        case .double(let number):
            let text = number.description
            bytes.append(contentsOf: (text.hasSuffix(".0") ? String(text.dropLast(2)) : text).utf8)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                item.write(into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let values):
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in values.keys.sorted().enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.write(key, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                values[key]?.write(into: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func write(_ text: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "/"): bytes.append(contentsOf: #"\/"#.utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: #"\u003c"#.utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: #"\u003e"#.utf8)
            case UInt8(ascii: "&"): bytes.append(contentsOf: #"\u0026"#.utf8)
            case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
            case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
            case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
            case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
            case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
            case ..<0x20:
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
