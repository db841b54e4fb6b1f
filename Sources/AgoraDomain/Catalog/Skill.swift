/// A skill of the catalogue providers choose from, with the categories whose providers are offered it first.
public struct Skill: Hashable, Sendable {
    public static let nameLength = 1...40

    public let id: Int64
    public let name: String
    public let categorySlugs: [Slug]

    public init(id: Int64, name: String, categorySlugs: [Slug]) {
        self.id = id
        self.name = name
        self.categorySlugs = categorySlugs
    }
}
