/// A value as a template sees it. Page views build these directly (through `TemplateFields`) so that rendering
/// never reflects on Swift values; `TemplateValue(reflecting:)` converts anything else once, up front.
public enum TemplateValue: Sendable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case fields(any TemplateFields)

    /// A present string as text, a missing one as `false`: it hides `{{#name}}` sections and shows `{{^name}}`
    /// ones, and unlike an absent field it does not send the lookup on to the enclosing values.
    public static func optional(_ text: String?) -> TemplateValue {
        text.map(TemplateValue.text) ?? .flag(false)
    }

    /// An optional object, `false` when missing.
    public static func optional(_ fields: (any TemplateFields)?) -> TemplateValue {
        fields.map(TemplateValue.fields) ?? .flag(false)
    }

    /// A list of objects.
    public static func objects(_ items: [some TemplateFields]) -> TemplateValue {
        .list(items.map { .fields($0) })
    }

    /// A list of strings.
    public static func texts(_ texts: [String]) -> TemplateValue {
        .list(texts.map(TemplateValue.text))
    }

    /// The value of a field, when this is an object that has it.
    func child(named name: String) -> TemplateValue? {
        guard case .fields(let fields) = self else { return nil }
        return fields.templateValue(named: name)
    }
}

/// An object whose fields templates read by name. Conforming types answer with a `switch` over the names they
/// know, which is what makes rendering fast.
public protocol TemplateFields: Sendable {
    /// The value of `{{name}}` in this object, nil when it has no such field (the lookup then goes on to the
    /// enclosing values, as Mustache asks).
    func templateValue(named name: String) -> TemplateValue?
}

extension Dictionary: TemplateFields where Key == String, Value == TemplateValue {
    public func templateValue(named name: String) -> TemplateValue? { self[name] }
}

extension TemplateValue {
    /// Converts any Swift value: strings, integers, booleans and doubles stay what they are, optionals become
    /// their value or `false`, arrays lists, `TemplateFields` themselves, and other structs and classes objects
    /// of their stored properties (read once, by reflection).
    public init(reflecting value: Any) {
        switch value {
        case let text as String: self = .text(text)
        case let number as Int: self = .number(number)
        case let number as Int64: self = .number(Int(number))
        case let number as Double: self = .text(String(number))
        case let flag as Bool: self = .flag(flag)
        case let converted as TemplateValue: self = converted
        case let fields as any TemplateFields: self = .fields(fields)
        case let array as [Any]: self = .list(array.map(TemplateValue.init(reflecting:)))
        case let dictionary as [String: Any]: self = .fields(dictionary.mapValues(TemplateValue.init(reflecting:)))
        default: self = Self.reflecting(Mirror(reflecting: value), of: value)
        }
    }

    private static func reflecting(_ mirror: Mirror, of value: Any) -> TemplateValue {
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return .flag(false) }
            return TemplateValue(reflecting: wrapped)
        case .struct, .class:
            var fields: [String: TemplateValue] = [:]
            for child in mirror.children {
                if let label = child.label { fields[label] = TemplateValue(reflecting: child.value) }
            }
            return .fields(fields)
        case .collection, .set:
            return .list(mirror.children.map { TemplateValue(reflecting: $0.value) })
        default:
            return .text(String(describing: value))
        }
    }
}
