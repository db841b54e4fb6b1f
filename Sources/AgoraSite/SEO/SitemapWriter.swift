import Foundation

/// Writes the sitemap from the build manifest: chunk files of at most 50,000 URLs (`sitemap-1.xml`, …) and the
/// index `sitemap.xml` that lists them, as the sitemaps.org protocol requires, each chunk held in memory only
/// while it is written. The index is written last.
struct SitemapWriter {
    static let urlsPerChunk = 50_000
    static let chunkPrefix = "sitemap-"

    let baseURL: SiteURL
    var urlsPerChunk = SitemapWriter.urlsPerChunk

    /// How many chunks `write` makes of the manifest's sitemap pages.
    func chunkCount(of manifest: BuildManifest) -> Int {
        max(1, (manifest.pages.values.count(where: \.inSitemap) + urlsPerChunk - 1) / urlsPerChunk)
    }

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
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else {
            return text
        }
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
    /// Computed from the seconds since 1970 (days to a civil date, Howard Hinnant's algorithm) rather than with a
    /// date formatter: a sitemap holds one date per page.
    static func format(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3_600)):\(two(secondOfDay % 3_600 / 60)):\(two(secondOfDay % 60))Z"
    }
}
