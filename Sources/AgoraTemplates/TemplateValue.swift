/// A value as a template sees it. Page views and emails build these directly (through `TemplateFields`), so that
/// rendering never reflects on Swift values.
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
