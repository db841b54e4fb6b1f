/// Where the generated pages of providers and categories are published, and the search page's links into a
/// category: the one rule the pages, the sitemap and the API's links share.
public enum PagePaths {
    public static func provider(_ slug: Slug) -> String { "/providers/\(slug.value)/" }

    public static func category(_ slug: Slug, page: Int = 1) -> String {
        page <= 1 ? "/categories/\(slug.value)/" : "/categories/\(slug.value)/page/\(page)/"
    }

    /// The search page with a category chosen.
    public static func search(category: Slug) -> String { "/search/?category=\(category.value)" }
}
