/// Where the generated pages of providers and categories are published, and the search page's links into a
/// category: the one rule the pages, the sitemap and the API's links share.
public enum PagePaths {
    public static func provider(_ slug: Slug) -> String { providersPrefix + slug.value + "/" }
    /// Where every provider page lives.
    public static let providersPrefix = "/providers/"
    /// Where every category page lives.
    public static let categoriesPrefix = "/categories/"

    public static func category(_ slug: Slug, page: Int = 1) -> String {
        page <= 1 ? categoriesPrefix + slug.value + "/" : categoriesPrefix + slug.value + "/page/\(page)/"
    }

    /// The search page with a category chosen.
    public static func search(category: Slug) -> String { "/search/?category=\(category.value)" }
}
