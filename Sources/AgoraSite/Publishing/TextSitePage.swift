import AgoraDomain

/// A page that is nothing but its text — robots.txt, the sitemap's index and chunks, the feed: the text is its own
/// key, it is published as it is, and it stays out of the sitemap.
protocol TextSitePage: SitePage {
    var text: String { get }
}

extension TextSitePage {
    var key: InputKey { InputKey(text) }

    func render(with providers: [Int64: ProviderProfile]) throws -> RenderedPage? {
        RenderedPage(path: path, html: Array(text.utf8), lastModified: nil, inSitemap: false)
    }
}
