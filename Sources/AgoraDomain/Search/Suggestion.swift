/// One entry of the search box's autocomplete: a category, a skill, a provider's name or a popular query.
public struct Suggestion: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case category
        case skill
        case provider
        case query
    }

    public let kind: Kind
    /// What the box shows and, picked, searches for.
    public let text: String
    /// The category's or provider's slug, for suggestions that lead to a page.
    public let slug: String?
    /// How many providers (or searches) stand behind it; larger comes first among equal matches.
    public let weight: Int

    public init(kind: Kind, text: String, slug: String? = nil, weight: Int) {
        self.kind = kind
        self.text = text
        self.slug = slug
        self.weight = weight
    }
}
