import Foundation

/// Writes the sitemap from the build manifest: chunk files (`sitemap-1.xml`, …) holding the pages in path order
/// (the homepage first), and the index `sitemap.xml` that lists them, as the sitemaps.org protocol requires; each
/// chunk is held in memory only while it is written, and the index is written last.
///
/// Chunks hold 1,000 URLs, far below the protocol's 50,000, so that a build that changed a few pages (the
/// service's `agora build --only`) rewrites a small chunk: the manifest remembers where each chunk starts, and a
/// changed line rewrites only the chunk it falls in. A page added to or removed from the sitemap recuts them all.
struct SitemapWriter {
    static let urlsPerChunk = 1_000
    static let chunkPrefix = "sitemap-"

    let baseURL: SiteURL
    var urlsPerChunk = SitemapWriter.urlsPerChunk

    /// Brings the sitemap up to date with the manifest after `changes`, and returns the number of chunks.
    @discardableResult
    func write(_ manifest: BuildManifest, changes: SitemapChanges, to output: any SiteOutput) throws -> Int {
        var chunks = try manifest.sitemapChunks()
        let intact = !chunks.isEmpty && output.fileExists("sitemap.xml")
        switch changes {
        case .none where intact:
            return chunks.count
        case .lines(let paths) where intact:
            let touched = Set(paths.map { path in chunks.last { $0.firstPath <= path }?.number ?? 1 })
            for index in chunks.indices where touched.contains(chunks[index].number) {
                let end = index + 1 < chunks.count ? chunks[index + 1].firstPath : nil
                chunks[index] = try writeChunk(chunks[index].number, from: chunks[index].firstPath, to: end, of: manifest, output: output)
                try manifest.setSitemapChunk(chunks[index])
            }
        default:
            chunks = try recut(manifest, output: output)
        }
        var extra = chunks.count + 1
        while output.fileExists(Self.chunkName(extra)) {
            output.remove(Self.chunkName(extra))
            extra += 1
        }
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for chunk in chunks {
            index += "<sitemap><loc>\(XMLText.escape(baseURL.absolute("/" + Self.chunkName(chunk.number))))</loc>"
            if let newest = chunk.newest { index += "<lastmod>\(W3CDate.format(Date(timeIntervalSince1970: newest)))</lastmod>" }
            index += "</sitemap>\n"
        }
        index += "</sitemapindex>\n"
        try output.write(Data(index.utf8), to: "sitemap.xml")
        return chunks.count
    }

    static func chunkName(_ number: Int) -> String { "\(chunkPrefix)\(number).xml" }

    /// Cuts every sitemap page into chunks afresh, writes them and records where each starts.
    private func recut(_ manifest: BuildManifest, output: any SiteOutput) throws -> [BuildManifest.SitemapChunk] {
        var chunks: [BuildManifest.SitemapChunk] = []
        var lines = ChunkText()
        var firstPath = ""
        func flush() throws {
            let chunk = BuildManifest.SitemapChunk(number: chunks.count + 1, firstPath: chunks.isEmpty ? "" : firstPath, newest: lines.newest)
            try output.write(lines.finished(), to: Self.chunkName(chunk.number))
            try manifest.setSitemapChunk(chunk)
            chunks.append(chunk)
            lines = ChunkText()
        }
        try manifest.forEachSitemapRow(from: "", to: nil) { row in
            if lines.count == urlsPerChunk { try flush() }
            if lines.count == 0 { firstPath = row.path }
            lines.append(row, baseURL: baseURL)
        }
        if lines.count > 0 || chunks.isEmpty { try flush() }
        try manifest.removeSitemapChunks(after: chunks.count)
        return chunks
    }

    /// Writes the chunk of the pages from `first` to `end` again.
    private func writeChunk(
        _ number: Int, from first: String, to end: String?, of manifest: BuildManifest, output: any SiteOutput
    ) throws -> BuildManifest.SitemapChunk {
        var lines = ChunkText()
        try manifest.forEachSitemapRow(from: first, to: end) { lines.append($0, baseURL: baseURL) }
        try output.write(lines.finished(), to: Self.chunkName(number))
        return BuildManifest.SitemapChunk(number: number, firstPath: first, newest: lines.newest)
    }
}

/// The text of one sitemap chunk as its lines are added.
private struct ChunkText {
    private var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    private(set) var count = 0
    private(set) var newest: Double?

    mutating func append(_ row: BuildManifest.SitemapRow, baseURL: SiteURL) {
        text += "<url><loc>\(XMLText.escape(baseURL.absolute(row.path)))</loc>"
        if let lastModified = row.entry.lastModified {
            text += "<lastmod>\(W3CDate.format(Date(timeIntervalSince1970: lastModified)))</lastmod>"
            newest = max(newest ?? lastModified, lastModified)
        }
        if let changefreq = row.entry.changefreq { text += "<changefreq>\(changefreq)</changefreq>" }
        if let priority = row.entry.priority { text += "<priority>\(String(format: "%.1f", priority))</priority>" }
        text += "</url>\n"
        count += 1
    }

    func finished() -> Data { Data((text + "</urlset>\n").utf8) }
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
