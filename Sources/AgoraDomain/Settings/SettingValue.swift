import Foundation

/// The value of a platform setting, of the type its `SettingKind` names. Stored and sent as plain JSON: `true`,
/// `20`, `"Back at 14:00"`, `["spam", "scam"]`.
public enum SettingValue: Sendable, Hashable, Codable {
    case flag(Bool)
    case number(Int)
    case text(String)
    case list([String])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            self = .list(try container.decode([String].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .flag(let flag): try container.encode(flag)
        case .number(let number): try container.encode(number)
        case .text(let text): try container.encode(text)
        case .list(let items): try container.encode(items)
        }
    }

    /// The value as JSON text, as the database keeps it and the audit log shows it.
    public var json: String {
        switch self {
        case .flag(let flag): flag ? "true" : "false"
        case .number(let number): String(number)
        case .text(let text): JSONString.literal(text)
        case .list(let items): "[" + items.map(JSONString.literal).joined(separator: ",") + "]"
        }
    }

    /// The value from the JSON text `json` produced.
    public init(json: String) throws {
        self = try JSONDecoder().decode(SettingValue.self, from: Data(json.utf8))
    }
}
