/// The properties Google Search Central requires of each structured-data type for its rich result. A node of
/// a listed type that lacks one is an error; `|` separates alternatives.
enum StructuredDataRules {
    static let required: [String: [String]] = [
        "Organization": ["name", "url"],
        "WebSite": ["name", "url"],
        "SearchAction": ["target", "query-input"],
        "BreadcrumbList": ["itemListElement"],
        "ItemList": ["itemListElement"],
        "ListItem": ["position"],
        "ProfessionalService": ["name", "address"],
        "LocalBusiness": ["name", "address"],
        "PostalAddress": ["addressCountry"],
        "Person": ["name"],
        "AggregateRating": ["ratingValue", "ratingCount|reviewCount"],
        "Review": ["author", "reviewRating"],
        "Rating": ["ratingValue"],
        "FAQPage": ["mainEntity"],
        "Question": ["name", "acceptedAnswer"],
        "Answer": ["text"],
        "Article": ["headline", "image", "datePublished"],
    ]

    /// Every missing property in the node and the nodes inside it, as `Type.property` texts.
    static func missing(in value: Any) -> [String] {
        if let array = value as? [Any] { return array.flatMap(missing(in:)) }
        guard let object = value as? [String: Any] else { return [] }
        var problems: [String] = []
        if let type = object["@type"] as? String, let properties = required[type] {
            for property in properties {
                let alternatives = property.split(separator: "|").map(String.init)
                if !alternatives.contains(where: { isPresent(object[$0]) }) { problems.append("\(type).\(property)") }
            }
            // A list item needs what it points at: a name and item in breadcrumbs, a url or item in other lists.
            if type == "ListItem", !isPresent(object["url"]), !isPresent(object["item"]) {
                problems.append("ListItem.item|url")
            }
        }
        for (key, nested) in object where key != "@context" { problems += missing(in: nested) }
        return problems
    }

    private static func isPresent(_ value: Any?) -> Bool {
        switch value {
        case nil: false
        case let text as String: !text.isEmpty
        case let array as [Any]: !array.isEmpty
        default: true
        }
    }
}
