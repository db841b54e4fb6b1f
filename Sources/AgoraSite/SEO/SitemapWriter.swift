import Foundation

/// Streams sitemap entries into chunk files of at most 50,000 URLs (`sitemap-1.xml`, …) and ends with the
/// index `sitemap.xml` that lists them, as the sitemaps.org protocol requires. Memory does not grow with the
/// number of URLs.
final class SitemapWriter {
    static let urlsPerChunk = 50_000

    private let site: StagedSite
    private let baseURL: SiteURL
    private let urlsPerChunk: Int
    private var chunk: FileHandle?
    private var chunkCount = 0
    private var urlsInChunk = 0
    private var chunkLastModified: Date?
    private var chunks: [(name: String, lastModified: Date?)] = []

    init(site: StagedSite, baseURL: SiteURL, urlsPerChunk: Int = SitemapWriter.urlsPerChunk) {
        self.site = site
        self.baseURL = baseURL
        self.urlsPerChunk = urlsPerChunk
    }

    func add(path: String, lastModified: Date?, hints: FrontMatter.SitemapHints = .init()) throws {
        if chunk == nil || urlsInChunk == urlsPerChunk { try startChunk() }
        var entry = "<url><loc>\(XMLText.escape(baseURL.absolute(path)))</loc>"
        if let lastModified {
            entry += "<lastmod>\(W3CDate.format(lastModified))</lastmod>"
            chunkLastModified = max(chunkLastModified ?? lastModified, lastModified)
        }
        if let changefreq = hints.changefreq { entry += "<changefreq>\(changefreq)</changefreq>" }
        if let priority = hints.priority { entry += "<priority>\(String(format: "%.1f", priority))</priority>" }
        entry += "</url>\n"
        chunk?.write(Data(entry.utf8))
        urlsInChunk += 1
    }

    /// Closes the last chunk and writes the index. Returns the number of chunk files.
    @discardableResult
    func finish() throws -> Int {
        if chunk == nil { try startChunk() }
        try endChunk()
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (name, lastModified) in chunks {
            index += "<sitemap><loc>\(XMLText.escape(baseURL.absolute("/" + name)))</loc>"
            if let lastModified { index += "<lastmod>\(W3CDate.format(lastModified))</lastmod>" }
            index += "</sitemap>\n"
        }
        index += "</sitemapindex>\n"
        try site.write(index, to: "sitemap.xml")
        return chunks.count
    }

    private func startChunk() throws {
        try endChunk()
        chunkCount += 1
        let name = "sitemap-\(chunkCount).xml"
        chunk = try site.openForWriting(name)
        chunks.append((name, nil))
        urlsInChunk = 0
        chunkLastModified = nil
        chunk?.write(Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8))
    }

    private func endChunk() throws {
        guard let chunk else { return }
        chunk.write(Data("</urlset>\n".utf8))
        try chunk.close()
        chunks[chunks.count - 1].lastModified = chunkLastModified
        self.chunk = nil
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
