import AgoraDomain
import Testing

@Suite("Category tree and pagination")
struct CatalogTests {
    func category(_ id: Int64, _ slug: String, parent: Int64? = nil, order: Int = 0, active: Bool = true) -> Category {
        Category(id: id, parentID: parent, name: slug.capitalized, slug: try! Slug(slug), description: "", icon: nil, active: active, sortOrder: order)
    }

    @Test("roots, children, subtrees and paths follow the parent links in display order")
    func tree() {
        let tree = CategoryTree([
            category(3, "design", order: 1), category(1, "development"), category(2, "web", parent: 1),
            category(4, "mobile", parent: 1, order: 1), category(5, "ios", parent: 4),
        ])
        #expect(tree.roots.map(\.slug.value) == ["development", "design"])
        #expect(tree.children(of: tree.category(id: 1)!).map(\.slug.value) == ["web", "mobile"])
        #expect(Set(tree.subtreeIDs(of: tree.category(id: 1)!)) == [1, 2, 4, 5])
        #expect(tree.path(to: tree.category(id: 5)!).map(\.id) == [1, 4, 5])
        #expect(tree.depthFirst.map(\.id) == [1, 2, 4, 5, 3])
    }

    @Test("a category under an inactive parent is not visible")
    func visibility() {
        let tree = CategoryTree([category(1, "development", active: false), category(2, "web", parent: 1), category(3, "design")])
        #expect(!tree.isVisible(tree.category(id: 2)!))
        #expect(tree.isVisible(tree.category(id: 3)!))
    }

    @Test("listings have at least one page and 24 providers a page", arguments: [(0, 1), (1, 1), (24, 1), (25, 2), (48, 2), (49, 3)])
    func pages(total: Int, pages: Int) {
        let listing = ListingPagination(totalItems: total)
        #expect(listing.pageCount == pages)
        #expect(listing.offset(ofPage: 2) == 24)
    }
}
