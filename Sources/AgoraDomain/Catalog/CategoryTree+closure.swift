extension CategoryTree {
    /// The categories a provider listed in `category` counts for: the category itself and each ancestor above it,
    /// as far up as every category on the way is active. None when the category is inactive. A search "in X"
    /// finds the providers whose categories count for X; a facet counts each provider once per category.
    public func countingCategories(of categoryID: Int64) -> [Int64] {
        guard var current = category(id: categoryID), current.active else { return [] }
        var chain = [current.id]
        while let parent = parent(of: current), parent.active, !chain.contains(parent.id) {
            chain.append(parent.id)
            current = parent
        }
        return chain
    }
}
