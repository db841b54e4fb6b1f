import Foundation

/// One chunk of the sitemap (`/sitemap-1.xml`, …): the lines of the sitemap pages from one path to the next
/// chunk's, as the manifest read them. Published like every page, out of the sitemap; the text is its own key.
struct SitemapChunkPage: TextSitePage {
    let number: Int
    /// The path of the chunk's first page (empty for the first chunk, which starts wherever the site does).
    let firstPath: String
    /// The newest `lastmod` among the chunk's lines, which the index shows.
    let newest: Double?
    let text: String

    init(number: Int, firstPath: String, rows: [BuildManifest.SitemapRow], baseURL: SiteURL) {
        self.number = number
        self.firstPath = firstPath
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:image=\"http://www.google.com/schemas/sitemap-image/1.1\">\n"
        var newest: Double?
        for row in rows {
            text += "<url><loc>\(XMLText.escape(baseURL.absolute(row.path)))</loc>"
            if let lastModified = row.entry.lastModified {
                text += "<lastmod>\(W3CDate.format(seconds: lastModified))</lastmod>"
                newest = max(newest ?? lastModified, lastModified)
            }
            if let changefreq = row.entry.changefreq { text += "<changefreq>\(changefreq)</changefreq>" }
            if let priority = row.entry.priority { text += "<priority>\(String(format: "%.1f", priority))</priority>" }
            if let image = row.entry.image { text += "<image:image><image:loc>\(XMLText.escape(baseURL.absolute(image)))</image:loc></image:image>" }
            text += "</url>\n"
        }
        self.text = text + "</urlset>\n"
        self.newest = newest
    }

    var path: String { Self.path(number) }
    var chunk: BuildManifest.SitemapChunk { BuildManifest.SitemapChunk(number: number, firstPath: firstPath, newest: newest) }

    static func path(_ number: Int) -> String { "/sitemap-\(number).xml" }
}
