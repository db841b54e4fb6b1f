/// `robots.txt`: crawlers may read the public pages, never the API; the sitemap index is announced.
struct RobotsFile {
    let baseURL: SiteURL

    /// Paths no crawler should fetch.
    static let disallowed = ["/api/"]

    var text: String {
        var lines = ["User-agent: *"]
        lines += Self.disallowed.map { "Disallow: \($0)" }
        lines += ["", "Sitemap: \(baseURL.absolute("/sitemap.xml"))", ""]
        return lines.joined(separator: "\n")
    }
}
