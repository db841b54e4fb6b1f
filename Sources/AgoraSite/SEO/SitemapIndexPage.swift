/// `sitemap.xml`, the sitemap index that robots.txt announces: the address of each chunk and the newest `lastmod`
/// in it, as the sitemaps.org protocol has it. Published like every page, out of the sitemap.
struct SitemapIndexPage: TextSitePage {
    static let path = "/sitemap.xml"

    let text: String

    init(chunks: [BuildManifest.SitemapChunk], baseURL: SiteURL) {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for chunk in chunks {
            text += "<sitemap><loc>\(XMLText.escape(baseURL.absolute(SitemapChunkPage.path(chunk.number))))</loc>"
            if let newest = chunk.newest { text += "<lastmod>\(W3CDate.format(seconds: newest))</lastmod>" }
            text += "</sitemap>\n"
        }
        self.text = text + "</sitemapindex>\n"
    }

    var path: String { Self.path }
}
