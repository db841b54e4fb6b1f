/// Turns a page's view values into the dictionaries and arrays Mustache looks names up in directly. Mustache can
/// read Swift structs itself, but it reflects on them again for every `{{name}}` at every level of the context;
/// reflecting once per value here makes rendering several times faster.
enum TemplateValue {
    static func box(_ value: Any) -> Any {
        switch value {
        case is String, is Int, is Int64, is Double, is Bool:
            return value
        case let array as [Any]:
            return array.map(box)
        case let dictionary as [String: Any]:
            return dictionary.mapValues(box)
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            // A missing value is `false`: it hides `{{#value}}` sections and shows `{{^value}}` ones, and unlike an
            // absent key it does not make Mustache look the name up in the enclosing contexts.
            guard let wrapped = mirror.children.first?.value else { return false }
            return box(wrapped)
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label { fields[label] = box(child.value) }
            }
            return fields
        case .collection:
            return mirror.children.map { box($0.value) }
        default:
            return value
        }
    }
}
