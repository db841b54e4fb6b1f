import Foundation

/// Writes the sitemap from the build manifest: chunk files of at most 50,000 URLs (`sitemap-1.xml`, …) and the
/// index `sitemap.xml` that lists them, as the sitemaps.org protocol requires, each chunk held in memory only
/// while it is written. The index is written last.
struct SitemapWriter {
    static let urlsPerChunk = 50_000
    static let chunkPrefix = "sitemap-"

    let baseURL: SiteURL
    var urlsPerChunk = SitemapWriter.urlsPerChunk

    /// Writes the chunks and the index for the manifest's sitemap pages (the homepage first, then by path), removes
    /// chunks left over from a larger sitemap, and returns the number of chunks.
    @discardableResult
    func write(_ manifest: BuildManifest, to output: any SiteOutput) throws -> Int {
        let paths = manifest.pages.filter(\.value.inSitemap).keys.sorted { $0 == "/" || ($1 != "/" && $0 < $1) }
        var chunks: [(name: String, lastModified: Date?)] = []
        var start = 0
        repeat {
            let slice = paths[start..<min(paths.count, start + urlsPerChunk)]
            var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            var newest: Date?
            for path in slice {
                let entry = manifest.pages[path]!
                text += "<url><loc>\(XMLText.escape(baseURL.absolute(path)))</loc>"
                if let lastModified = entry.lastModified {
                    text += "<lastmod>\(W3CDate.format(lastModified))</lastmod>"
                    newest = max(newest ?? lastModified, lastModified)
                }
                if let changefreq = entry.changefreq { text += "<changefreq>\(changefreq)</changefreq>" }
                if let priority = entry.priority { text += "<priority>\(String(format: "%.1f", priority))</priority>" }
                text += "</url>\n"
            }
            text += "</urlset>\n"
            let name = "\(Self.chunkPrefix)\(chunks.count + 1).xml"
            try output.write(Data(text.utf8), to: name)
            chunks.append((name, newest))
            start += urlsPerChunk
        } while start < paths.count
        var extra = chunks.count + 1
        while output.fileExists("\(Self.chunkPrefix)\(extra).xml") {
            output.remove("\(Self.chunkPrefix)\(extra).xml")
            extra += 1
        }
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (name, lastModified) in chunks {
            index += "<sitemap><loc>\(XMLText.escape(baseURL.absolute("/" + name)))</loc>"
            if let lastModified { index += "<lastmod>\(W3CDate.format(lastModified))</lastmod>" }
            index += "</sitemap>\n"
        }
        index += "</sitemapindex>\n"
        try output.write(Data(index.utf8), to: "sitemap.xml")
        return chunks.count
    }
}

/// Escapes text for XML element content and attribute values.
enum XMLText {
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

/// The W3C date-time form sitemaps use: `2026-11-25T01:36:03Z`, always UTC.
enum W3CDate {
    static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
