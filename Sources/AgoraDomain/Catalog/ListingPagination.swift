/// How provider listings are cut into pages. One rule for the generator, the API and the tests.
public struct ListingPagination: Hashable, Sendable {
    public static let providersPerPage = 24

    public let totalItems: Int
    public let perPage: Int

    public init(totalItems: Int, perPage: Int = ListingPagination.providersPerPage) {
        precondition(perPage > 0, "a page holds at least one item")
        self.totalItems = max(0, totalItems)
        self.perPage = perPage
    }

    /// Always at least one page, so an empty category still has its page.
    public var pageCount: Int { max(1, (totalItems + perPage - 1) / perPage) }

    /// The offset of the first item on a 1-based page number.
    public func offset(ofPage page: Int) -> Int { (page - 1) * perPage }
}
